package org.relocation.casefile.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The case workspace (static files in {@code static/cases/}): its address without a file name opens the page. The page
 * holds no data; it reads cases through {@code /api/cases} and {@code /api/me} with the Tasklist's login, and shows
 * what the API answers for the caller's role.
 */
@Hidden
@Controller
class CasesPage {

    @GetMapping({"/cases", "/cases/"})
    String page() {
        return "forward:/cases/index.html";
    }
}
