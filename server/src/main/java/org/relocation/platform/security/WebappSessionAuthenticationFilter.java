package org.relocation.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.identity.Group;
import org.operaton.bpm.webapp.impl.security.auth.Authentication;
import org.operaton.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * The same login for the product's own pages: a request to one of {@link #PATHS} that carries no Authorization header
 * but {@code X-Requested-With} (a page's script; a form post or a link cannot set it, and a foreign page cannot send it
 * without a CORS preflight this server never grants) is authenticated from the Operaton webapps' session, the one the
 * Tasklist login made. The groups are read again from the identity service and become "ROLE_&lt;group&gt;" authorities,
 * as for HTTP Basic ({@link EngineIdentityAuthenticationProvider}). Without the header, or without a webapp login in
 * the session, nothing happens: HTTP Basic applies, and no credentials is a 401 as everywhere in /api.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

    /**
     * Where a session login counts: the APIs of the product's pages, the process owners' (model changes) and the case
     * workspace's (cases with their documents, estimates, policy decisions and decision log; key dates; policy
     * exceptions; the caller) and the vendors page's (vendor performance and register). A path counts when it is one of
     * these or below it.
     */
    static final List<String> PATHS = List.of(EngineAuthenticationFilter.MODEL_CHANGES, "/api/cases/", "/api/key-dates/",
            "/api/policy-exceptions/", "/api/me/", "/api/vendors/");
    static final String REQUESTED_WITH = "X-Requested-With";

    private final IdentityService identity;
    private final String engineName;

    WebappSessionAuthenticationFilter(IdentityService identity, String engineName) {
        this.identity = identity;
        this.engineName = engineName;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()) + "/";
        return PATHS.stream().noneMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (request.getHeader(HttpHeaders.AUTHORIZATION) == null && request.getHeader(REQUESTED_WITH) != null && session != null
                && SecurityContextHolder.getContext().getAuthentication() == null) {
            Authentication login = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engineName);
            String user = login == null ? null : login.getIdentityId();
            if (user != null && identity.createUserQuery().userId(user).count() == 1) {
                List<SimpleGrantedAuthority> authorities = identity.createGroupQuery().groupMember(user).list().stream()
                        .map(Group::getId).map(g -> new SimpleGrantedAuthority("ROLE_" + g)).toList();
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }
}
