package org.relocation.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;

/** The server's HTTP API as the benchmark sees it: HTTP Basic per user, JSON in and out. */
final class EngineClient {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One response: status and body text. */
    record Reply(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON (HTTP " + status + "): " + abbreviate(body), e);
            }
        }
    }

    private final String baseUrl;
    private final String password;
    private final HttpClient http;

    EngineClient(String baseUrl, String password) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.password = password;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // Tomcat speaks HTTP/1.1 here; no h2c upgrade attempts
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    String baseUrl() {
        return baseUrl;
    }

    Reply get(String user, String path) {
        return send(user, HttpRequest.newBuilder(uri(path)).GET());
    }

    Reply post(String user, String path, Object body) {
        try {
            byte[] bytes = JSON.writeValueAsBytes(body);
            return send(user, HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** POST one file as the multipart/form-data part "file" (a document upload). */
    Reply postFile(String user, String path, byte[] content, String fileName, String contentType) {
        String boundary = "bench-" + Long.toHexString(System.nanoTime());
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return send(user, HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private Reply send(String user, HttpRequest.Builder request) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        request.header("Authorization", "Basic " + token).header("Accept", "application/json").timeout(Duration.ofSeconds(60));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Reply(-1, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(-1, "interrupted");
        }
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    static String query(Map<String, ?> params) {
        StringJoiner q = new StringJoiner("&", "?", "");
        params.forEach((k, v) -> q.add(k + "=" + URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8)));
        return q.toString();
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
