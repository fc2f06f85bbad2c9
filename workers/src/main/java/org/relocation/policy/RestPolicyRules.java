package org.relocation.policy;

import com.fasterxml.jackson.databind.JsonNode;
import org.relocation.platform.worker.WorkerProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policy tables for the standalone workers (module {@code standalone}): evaluated by the server's engine through
 * its REST API ({@code /decision-definition}), as the worker user (the job-worker role may read and evaluate decisions).
 */
public class RestPolicyRules implements PolicyRules {

    private final RestClient http;

    public RestPolicyRules(WorkerProperties workers) {
        String basic = Base64.getEncoder().encodeToString((workers.getUsername() + ":" + workers.getPassword()).getBytes(StandardCharsets.UTF_8));
        this.http = RestClient.builder().baseUrl(workers.getEngineUrl())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + basic).build();
    }

    @Override
    public Evaluation evaluate(String decisionKey, String pinnedDefinitionId, Map<String, Object> inputs) {
        JsonNode definition = pinnedDefinitionId != null
                ? http.get().uri("/decision-definition/{id}", pinnedDefinitionId).retrieve().body(JsonNode.class)
                : http.get().uri("/decision-definition/key/{key}", decisionKey).retrieve().body(JsonNode.class);
        if (definition == null || !definition.hasNonNull("id")) {
            throw new IllegalStateException("Decision " + decisionKey + " is not deployed on the server");
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        inputs.forEach((name, value) -> variables.put(name, typed(value)));
        JsonNode result = http.post().uri("/decision-definition/{id}/evaluate", definition.get("id").asText())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("variables", variables)).retrieve().body(JsonNode.class);
        List<Map<String, Object>> rows = new ArrayList<>();
        if (result != null) {
            for (JsonNode row : result) {
                Map<String, Object> out = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    JsonNode v = e.getValue().get("value");
                    out.put(e.getKey(), v == null || v.isNull() ? null : v.isBoolean() ? v.asBoolean()
                            : v.isIntegralNumber() ? (Object) v.asLong() : v.isNumber() ? v.decimalValue() : v.asText());
                }
                rows.add(out);
            }
        }
        String name = definition.hasNonNull("name") ? definition.get("name").asText() : decisionKey;
        return new Evaluation(definition.get("id").asText(), name, definition.get("version").asInt(), rows);
    }

    private static Map<String, Object> typed(Object value) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("value", value instanceof BigDecimal d ? d.doubleValue() : value);
        v.put("type", value == null ? "Null" : value instanceof String ? "String" : value instanceof Boolean ? "Boolean"
                : value instanceof Integer ? "Integer" : value instanceof Long ? "Long" : "Double");
        return v;
    }
}
