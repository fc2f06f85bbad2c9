package org.relocation.platform.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The client address of the current HTTP request, as Tomcat resolved it: the peer's address, or the one a trusted
 * proxy names in X-Forwarded-For when server.forward-headers-strategy is native (Tomcat's RemoteIpValve, trusting only
 * server.tomcat.remoteip.internal-proxies). An IPv6 client counts by its /64 network, which one host usually owns whole.
 */
final class ClientAddress {

    /** Bound by {@link #filter()} before Spring Security runs (its filters come before Spring's request context). */
    private static final ThreadLocal<HttpServletRequest> REQUEST = new ThreadLocal<>();

    private ClientAddress() {
    }

    /** Makes each request's client address known to the engine's password check on the request's thread. */
    static Filter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                HttpServletRequest outer = REQUEST.get();
                REQUEST.set(request);
                try {
                    chain.doFilter(request, response);
                } finally {
                    if (outer == null) {
                        REQUEST.remove();
                    } else {
                        REQUEST.set(outer);
                    }
                }
            }
        };
    }

    /** The current request's client address; null outside an HTTP request (in-process engine calls). */
    static String current() {
        HttpServletRequest request = currentRequest();
        return request == null ? null : of(request.getRemoteAddr());
    }

    static HttpServletRequest currentRequest() {
        HttpServletRequest bound = REQUEST.get();
        if (bound != null) {
            return bound;
        }
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a ? a.getRequest() : null;
    }

    static String of(String remoteAddr) {
        if (remoteAddr == null || remoteAddr.isBlank()) {
            return "unknown";
        }
        if (remoteAddr.indexOf(':') < 0) {
            return remoteAddr;
        }
        try {
            // a literal address is parsed without any name lookup
            byte[] bytes = InetAddress.getByName(remoteAddr).getAddress();
            if (bytes.length != 16) {
                return remoteAddr;
            }
            Arrays.fill(bytes, 8, 16, (byte) 0);
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return remoteAddr;
        }
    }
}
