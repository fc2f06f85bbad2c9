package org.relocation.document.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.relocation.Api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * An upload over a plain socket, for requests the server answers before it has read them: the body is written
 * by another thread while this one reads the answer. HTTP clients that write the whole body before reading
 * (HttpURLConnection) fail with "broken pipe" when the server answers a too-large upload early and closes.
 */
record RawResponse(int status, String contentType, String body) {

    JsonNode json() {
        try {
            return Api.JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RawResponse upload(int port, String user, String path, byte[] pdf) {
        String boundary = "relocation-test-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = ("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                + "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)) + "\r\n"
                + "Accept: application/json, application/problem+json\r\n"
                + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                + "Content-Length: " + (head.length + pdf.length + tail.length) + "\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            Thread writer = new Thread(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(request);
                    out.write(head);
                    out.write(pdf);
                    out.write(tail);
                    out.flush();
                } catch (IOException stoppedByTheServer) {
                    // the server answered and closed: the answer is what the test reads
                }
            }, "raw-upload-writer");
            writer.setDaemon(true);
            writer.start();
            return parse(readWhatArrives(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readWhatArrives(InputStream in) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                received.write(buffer, 0, n);
            }
        } catch (IOException resetAfterTheAnswer) {
            // keep what arrived before the connection was reset
        }
        return received.toByteArray();
    }

    private static RawResponse parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new AssertionError("no HTTP response received: " + text);
        }
        String[] headers = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(headers[0].split(" ")[1]);
        String contentType = "";
        boolean chunked = false;
        for (String h : headers) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = h.substring(13).trim();
            }
            chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
        }
        String body = text.substring(end + 4);
        return new RawResponse(status, contentType, chunked ? dechunk(body) : body);
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
