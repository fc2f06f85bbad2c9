package org.relocation.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A raw HTTP client for the security tests: every header as given (Origin, Sec-Fetch-*, X-Forwarded-For, which
 * Tomcat honours from this loopback client because the server runs with server.forward-headers-strategy native, as
 * it would from a trusted proxy), and a cookie jar of its own, like one browser.
 */
final class Http {

    private final int port;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String csrfToken;

    Http(int port) {
        this.port = port;
    }

    /** Requests as if from this client address (through a trusted proxy). */
    static Http from(int port, String clientAddress) {
        return new Http(port).header("X-Forwarded-For", clientAddress);
    }

    Http header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    Http basic(String user, String password) {
        return header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    String origin() {
        return "http://localhost:" + port;
    }

    HttpResponse<String> get(String path, String... extraHeaders) {
        return send(request(path, extraHeaders).GET());
    }

    HttpResponse<String> post(String path, String contentType, String body, String... extraHeaders) {
        return send(request(path, extraHeaders).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> put(String path, String contentType, String body, String... extraHeaders) {
        return send(request(path, extraHeaders).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The webapps' login (form post with the CSRF token of the session, as the login page does it). */
    HttpResponse<String> webappLogin(String user, String password) {
        String token = csrfToken();
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return post("/operaton/api/admin/auth/user/default/login/tasklist", "application/x-www-form-urlencoded", form, "X-XSRF-TOKEN", token);
    }

    /** The CSRF token of the current webapp session: the webapps send it once per session, in a GET's response. */
    String csrfToken() {
        get("/operaton/api/admin/auth/user/default").headers().firstValue("X-XSRF-TOKEN").ifPresent(t -> csrfToken = t);
        return csrfToken;
    }

    private HttpRequest.Builder request(String path, String... extraHeaders) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(origin() + path));
        headers.forEach(b::header);
        for (int i = 0; i < extraHeaders.length; i += 2) {
            b.header(extraHeaders[i], extraHeaders[i + 1]);
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
