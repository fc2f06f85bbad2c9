package org.relocation.modelchange.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The process-owner page (static files in {@code static/process-owner/}): its address without a file name opens the
 * page. The page holds no data; it reads and changes models through {@code /api/model-changes} with the Tasklist's
 * login.
 */
@Hidden
@Controller
class ProcessOwnerPage {

    @GetMapping({"/process-owner", "/process-owner/"})
    String page() {
        return "forward:/process-owner/index.html";
    }
}
