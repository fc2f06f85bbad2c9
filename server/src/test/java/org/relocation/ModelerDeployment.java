package org.relocation;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A deployment as Camunda Modeler sends it to {@code /engine-rest/deployment/create}: the deployment name, source
 * "Camunda Modeler", duplicate filtering, and each file as a part named by its file name; any other parts besides.
 */
public final class ModelerDeployment {

    private ModelerDeployment() {
    }

    /** The engine REST API's answer: status and body. */
    public record Answer(int status, String body) {
        public JsonNode json() {
            try {
                return Api.JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError(body, e);
            }
        }
    }

    /** name null: no deployment-name part. */
    public static Answer deploy(int port, String user, String name, Map<String, String> files, Map<String, String> extraParts) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        extraParts.forEach(parts::add);
        if (name != null) {
            parts.add("deployment-name", name);
        }
        parts.add("deployment-source", "Camunda Modeler");
        parts.add("enable-duplicate-filtering", "true");
        files.forEach((file, content) -> {
            HttpHeaders fileHeaders = new HttpHeaders();
            fileHeaders.setContentType(file.endsWith(".form") ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_XML);
            fileHeaders.setContentDispositionFormData(file, file);
            parts.add(file, new HttpEntity<>(content.getBytes(StandardCharsets.UTF_8), fileHeaders));
        });
        List<Answer> answer = new ArrayList<>();
        RestClient.create().post().uri("http://localhost:" + port + "/engine-rest/deployment/create")
                .header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .exchange((req, res) -> answer.add(new Answer(res.getStatusCode().value(), new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8))));
        return answer.get(0);
    }
}
