package org.relocation.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.relocation.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/** A role the security chain refuses (e.g. /actuator/** for anyone but administrators): 403 as a problem. */
final class ApiAccessDeniedHandler implements AccessDeniedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) throws IOException {
        Problems.write(response, Problems.of(HttpStatus.FORBIDDEN, "Forbidden", "Your role may not do this"), request.getRequestURI());
    }
}
