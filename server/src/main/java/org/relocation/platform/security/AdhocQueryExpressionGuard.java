package org.relocation.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Refuses expressions (${...} or #{...}) in ad-hoc task and filter queries, including nested orQueries,
 * on the engine REST API and the webapps' engine API (CVE-2026-109432: orQueries bypassed the engine's own
 * check, allowing remote code execution). Stored filter queries are not ad hoc and stay allowed.
 */
class AdhocQueryExpressionGuard extends OncePerRequestFilter {

    private static final Pattern QUERY_PATH = Pattern.compile(
            ".*/(engine-rest|api/engine/engine/[^/]+)/(task|task/count|filter/[^/]+/(list|count|singleResult)|history/task|history/task/count|filter|filter/[^/]+)$");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\s*\\{|\\\\u0024|\\\\u0023");
    private static final int MAX_BODY = 1024 * 1024;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !QUERY_PATH.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && containsExpression(java.net.URLDecoder.decode(query, StandardCharsets.UTF_8))) {
            reject(response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
            return;
        }
        if (containsExpression(new String(body, StandardCharsets.UTF_8))) {
            reject(response);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    static boolean containsExpression(String text) {
        return EXPRESSION.matcher(text).find();
    }

    private static void reject(HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"type\":\"InvalidRequestException\",\"message\":\"Expressions are not allowed in ad-hoc queries (orQueries included)\"}");
    }
}
