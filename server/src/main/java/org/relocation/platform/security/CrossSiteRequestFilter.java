package org.relocation.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses (403) a state-changing request (any method but GET, HEAD, OPTIONS, TRACE) that a browser says comes from
 * another site: an {@code Origin} header other than this server's own origin (scheme, host and port as the request
 * sees them, behind a proxy as it forwards them) or one of {@code relocation.security.allowed-origins}, or
 * {@code Sec-Fetch-Site: cross-site}. Browsers send these headers on every cross-origin POST and a page cannot
 * forge them, so a foreign page can neither post with the user's session cookie nor with cached Basic credentials.
 * Clients that send neither (curl, the job workers) are not browsers and go on to authenticate. Vendors' signed
 * server-to-server callbacks (/api/vendor-callbacks/**) are exempt.
 */
final class CrossSiteRequestFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(CrossSiteRequestFilter.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final String VENDOR_CALLBACKS = "/api/vendor-callbacks/";

    private final Set<String> allowedOrigins;

    CrossSiteRequestFilter(Collection<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins.stream().map(String::trim).filter(s -> !s.isEmpty())
                .map(CrossSiteRequestFilter::normalise).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT)) || isVendorCallback(request) || !crossSite(request)) {
            chain.doFilter(request, response);
            return;
        }
        log.info("Refused a cross-site {} request", request.getMethod());
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                + "\"detail\":\"A state-changing request from another site is refused\"}");
    }

    private boolean crossSite(HttpServletRequest request) {
        for (String site : headers(request, "Sec-Fetch-Site")) {
            if (site.trim().equalsIgnoreCase("cross-site")) {
                return true;
            }
        }
        String own = ownOrigin(request);
        for (String origin : headers(request, "Origin")) {
            String o = normalise(origin);
            if (!o.equals(own) && !allowedOrigins.contains(o)) {
                return true;
            }
        }
        return false;
    }

    /** The decoded, normalised path (Tomcat removed dot segments and path parameters), never the raw URI. */
    private static boolean isVendorCallback(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.startsWith(VENDOR_CALLBACKS);
    }

    private static String ownOrigin(HttpServletRequest request) {
        return normalise(request.getScheme() + "://" + hostForUri(request.getServerName()) + ":" + request.getServerPort());
    }

    private static String hostForUri(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** scheme://host[:port] in lower case, the default port left out; anything unparsable (e.g. "null") stays as it is. */
    static String normalise(String origin) {
        String value = origin.trim();
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return value.toLowerCase(Locale.ROOT);
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return value.toLowerCase(Locale.ROOT);
        }
    }

    private static Iterable<String> headers(HttpServletRequest request, String name) {
        Enumeration<String> values = request.getHeaders(name);
        return values == null ? Collections.emptyList() : Collections.list(values);
    }
}
