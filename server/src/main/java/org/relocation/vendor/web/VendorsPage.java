package org.relocation.vendor.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The vendors page (static files in {@code static/vendors/}): its address without a file name opens the page. The page
 * holds no data; it reads vendor performance and the vendor register through {@code /api/vendors} with the Tasklist's
 * login, and the API decides who may read what (HR administration, finance, administrators).
 */
@Hidden
@Controller
class VendorsPage {

    @GetMapping({"/vendors", "/vendors/"})
    String page() {
        return "forward:/vendors/index.html";
    }
}
