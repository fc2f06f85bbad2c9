package org.relocation.platform.security;

import jakarta.servlet.http.HttpServletRequest;

/** What a request's headers say about the browser page that sent it, if any. */
final class BrowserRequests {

    private BrowserRequests() {
    }

    /**
     * Sent by a script or sub-resource of a page (fetch, XMLHttpRequest, an image, a form in a frame), not typed by
     * a person into the address bar nor sent by a non-browser client: a Basic challenge answered there would leave
     * credentials in the browser's cache, replayed afterwards on that origin for any page's request.
     */
    static boolean fromPage(HttpServletRequest request) {
        String mode = request.getHeader("Sec-Fetch-Mode");
        return request.getHeader("X-Requested-With") != null || (mode != null && !mode.equalsIgnoreCase("navigate"));
    }
}
