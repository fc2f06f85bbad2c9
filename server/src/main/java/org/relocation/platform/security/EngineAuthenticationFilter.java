package org.relocation.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.operaton.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * For /engine-rest and the process owners' change API (/api/model-changes): hands the authenticated user and groups to
 * the engine, so its authorizations apply and a deployment is the person's (its validation and records see who).
 */
class EngineAuthenticationFilter extends OncePerRequestFilter {

    static final String MODEL_CHANGES = "/api/model-changes/";

    private final IdentityService identity;

    EngineAuthenticationFilter(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // the decoded, normalised path for the change API (Tomcat removed dot segments and path parameters)
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return !request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest") && !path.startsWith(MODEL_CHANGES);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        try {
            identity.setAuthentication(auth.getName(), auth.getAuthorities().stream()
                    .map(a -> a.getAuthority().replaceFirst("^ROLE_", "")).toList());
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }
}
