package org.relocation.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.relocation.platform.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.io.IOException;

/**
 * The answer to a request on /api and /engine-rest that did not authenticate: 429 with Retry-After when the login was
 * refused by the throttle; otherwise 401, with the HTTP Basic challenge for API clients (curl, workers, a browser's
 * address bar) but without it for requests a page's script or sub-resources make, so a browser never caches Basic
 * credentials that a foreign page could reuse. The body is a problem ({@link Problems}), as every API error.
 */
final class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

    static final String REALM = "relocation-engine";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) throws IOException {
        if (failure instanceof LoginThrottledException throttled) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            Problems.write(response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                    "Too many failed logins: try again after Retry-After seconds"), request.getRequestURI());
            return;
        }
        if (!BrowserRequests.fromPage(request)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
        }
        Problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "Unauthorized",
                "Log in with HTTP Basic (the engine's users) or the Tasklist's session"), request.getRequestURI());
    }
}
