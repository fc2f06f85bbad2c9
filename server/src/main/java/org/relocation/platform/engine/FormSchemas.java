package org.relocation.platform.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The form-js forms of forms/, read once: which fields each form has, which are required, which values a
 * radio or select allows. The Tasklist validates in the browser; this validates the same rules on the
 * server, so a submission through the REST API cannot skip them.
 */
@Component
public class FormSchemas {

    /** A form field: its key, type, whether required, allowed values (radio/select), max length. */
    public record Field(String key, String type, boolean required, Set<String> values, Integer maxLength) {
    }

    private final Map<String, List<Field>> forms = new HashMap<>();

    FormSchemas(ObjectMapper json) {
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
                try (InputStream in = r.getInputStream()) {
                    JsonNode form = json.readTree(in);
                    List<Field> fields = new ArrayList<>();
                    collect(form.path("components"), fields);
                    forms.put(form.path("id").asText(), List.copyOf(fields));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read forms/*.form", e);
        }
    }

    private static void collect(JsonNode components, List<Field> out) {
        for (JsonNode c : components) {
            if (c.has("components")) {
                collect(c.path("components"), out);
            }
            if (!c.hasNonNull("key")) {
                continue;
            }
            Set<String> values = new LinkedHashSet<>();
            c.path("values").forEach(v -> values.add(v.path("value").asText()));
            JsonNode validate = c.path("validate");
            out.add(new Field(c.path("key").asText(), c.path("type").asText(), validate.path("required").asBoolean(false),
                    values, validate.hasNonNull("maxLength") ? validate.path("maxLength").asInt() : null));
        }
    }

    public List<Field> fields(String formId) {
        return forms.getOrDefault(formId, List.of());
    }

    public Set<String> formIds() {
        return forms.keySet();
    }

    /** Field name → problem, for every submitted value that breaks the form's rules. */
    public Map<String, String> violations(String formId, Map<String, Object> submitted) {
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        for (Field f : fields(formId)) {
            Object value = submitted.get(f.key());
            boolean blank = value == null || (value instanceof String s && s.isBlank());
            if (f.required() && (blank || ("checkbox".equals(f.type()) && !Boolean.TRUE.equals(value)))) {
                problems.put(f.key(), "is required");
                continue;
            }
            if (blank) {
                continue;
            }
            if (!f.values().isEmpty() && !f.values().contains(String.valueOf(value))) {
                problems.put(f.key(), "must be one of " + f.values());
            } else if (f.maxLength() != null && value instanceof String s && s.length() > f.maxLength()) {
                problems.put(f.key(), "must be at most " + f.maxLength() + " characters");
            } else if ("datetime".equals(f.type()) && !(value instanceof String s && isDate(s))) {
                problems.put(f.key(), "must be a date (yyyy-mm-dd)");
            }
        }
        return problems;
    }

    static boolean isDate(String s) {
        try {
            java.time.LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }
}
