package org.relocation.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The client address of the current HTTP request, as Tomcat resolved it: the peer's address, or the one a trusted
 * proxy names in X-Forwarded-For when server.forward-headers-strategy is native (Tomcat's RemoteIpValve, trusting only
 * server.tomcat.remoteip.internal-proxies). An IPv6 client counts by its /64 network, which one host usually owns whole.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    /** The current request's client address; null outside an HTTP request (in-process engine calls). */
    static String current() {
        HttpServletRequest request = currentRequest();
        return request == null ? null : of(request.getRemoteAddr());
    }

    static HttpServletRequest currentRequest() {
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
