package org.relocation.vendor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.net.http.HttpClient;

/** Sends orders as JSON over HTTP to the vendor's endpoint, signed with its shared secret. */
@Component
class HttpVendorGateway implements VendorGateway {

    /** A vendor URL may name this server's own port (the demo simulator); resolved when the order is sent. */
    static final String LOCAL_PORT = "{local-port}";

    private final ObjectMapper json;
    private final Environment environment;
    private final RestClient http;

    HttpVendorGateway(VendorProperties properties, ObjectMapper json, Environment environment) {
        this.json = json;
        this.environment = environment;
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.getTimeout()).build());
        factory.setReadTimeout(properties.getTimeout());
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    @Override
    public void send(VendorEndpoint endpoint, VendorRequest request) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise order " + request.reference(), e);
        }
        String url = endpoint.url().replace(LOCAL_PORT, environment.getProperty("local.server.port", "8080"));
        http.post().uri(url)
                .contentType(MediaType.APPLICATION_JSON)
                .header(Signatures.HEADER, Signatures.sign(body, endpoint.secret()))
                .body(body)
                .retrieve()
                .toBodilessEntity();
    }
}
