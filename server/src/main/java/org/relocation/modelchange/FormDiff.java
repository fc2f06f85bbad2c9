package org.relocation.modelchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.relocation.processes.model.ModelDiff;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changed between the deployed version of a form-js form and a candidate: its fields (components with a key, nested
 * ones included) by key, added, removed or changed (type, label, required, values, limits), one sentence each. A new
 * required field (tasks created from then on must fill it) and a removed field the server reads are marked for attention.
 */
public final class FormDiff {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LIMITS = List.of("minLength", "maxLength", "min", "max", "pattern");

    private FormDiff() {
    }

    /**
     * The differences of the candidate form from the deployed one. {@code readByServer}: the keys the server's handler of
     * this form reads or shows. Unreadable JSON on either side: no differences (the validation names the file).
     */
    public static List<ChangeReport.Difference> diff(byte[] deployed, byte[] candidate, Set<String> readByServer) {
        Map<String, Map<String, String>> before = fields(deployed);
        Map<String, Map<String, String>> after = fields(candidate);
        if (before == null || after == null) {
            return List.of();
        }
        List<ChangeReport.Difference> differences = new ArrayList<>();
        after.forEach((key, facts) -> {
            Map<String, String> was = before.get(key);
            String type = facts.get("type");
            if (was == null) {
                boolean required = "true".equals(facts.get("required"));
                differences.add(new ChangeReport.Difference(ModelDiff.Kind.ADDED, key, type, facts.get("label"), key + ": " + type + " field"
                        + label(facts) + (required ? " (required)" : "") + " added",
                        required ? "a new required field: every task created from this version on must fill it in" : null));
                return;
            }
            List<String> changes = new ArrayList<>();
            facts.forEach((name, value) -> {
                if (!Objects.equals(was.get(name), value)) {
                    changes.add(name + " " + shown(was.get(name)) + " → " + shown(value));
                }
            });
            was.forEach((name, value) -> {
                if (!facts.containsKey(name)) {
                    changes.add(name + " " + shown(value) + " → (none)");
                }
            });
            if (!changes.isEmpty()) {
                boolean nowRequired = "true".equals(facts.get("required")) && !"true".equals(was.get("required"));
                differences.add(new ChangeReport.Difference(ModelDiff.Kind.CHANGED, key, type, facts.get("label"), key + ": " + String.join("; ", changes),
                        nowRequired ? "now required: every task created from this version on must fill it in" : null));
            }
        });
        before.forEach((key, facts) -> {
            if (!after.containsKey(key)) {
                boolean read = readByServer.contains(key);
                differences.add(new ChangeReport.Difference(ModelDiff.Kind.REMOVED, key, facts.get("type"), facts.get("label"), key + ": " + facts.get("type")
                        + " field" + label(facts) + " removed",
                        read ? "the server reads this field: a form without it is refused (handler-fields)" : null));
            }
        });
        return List.copyOf(differences);
    }

    /** The form's fields by key, each with its facts (type, label, required, values, limits) as text; null: not JSON. */
    private static Map<String, Map<String, String>> fields(byte[] form) {
        try {
            JsonNode root = form == null ? null : JSON.readTree(form);
            if (root == null || !root.isObject()) {
                return null;
            }
            Map<String, Map<String, String>> fields = new LinkedHashMap<>();
            collect(root.path("components"), fields);
            return fields;
        } catch (IOException e) {
            return null;
        }
    }

    private static void collect(JsonNode components, Map<String, Map<String, String>> fields) {
        for (JsonNode c : components) {
            if (c.hasNonNull("key")) {
                Map<String, String> facts = new LinkedHashMap<>();
                facts.put("type", c.path("type").asText(""));
                if (c.hasNonNull("label")) {
                    facts.put("label", c.path("label").asText());
                }
                JsonNode validate = c.path("validate");
                facts.put("required", String.valueOf(validate.path("required").asBoolean(false)));
                if (c.has("values")) {
                    List<String> values = new ArrayList<>();
                    c.path("values").forEach(v -> values.add(v.path("value").asText()));
                    facts.put("values", String.join(", ", values));
                }
                for (String limit : LIMITS) {
                    if (validate.hasNonNull(limit)) {
                        facts.put(limit, validate.path(limit).asText());
                    }
                }
                fields.putIfAbsent(c.path("key").asText(), facts);
            }
            if (c.has("components")) {
                collect(c.path("components"), fields);
            }
        }
    }

    private static String label(Map<String, String> facts) {
        String label = facts.get("label");
        return label == null || label.isBlank() ? "" : " \"" + label.trim() + "\"";
    }

    private static String shown(String value) {
        return value == null ? "(none)" : value;
    }
}
