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

    /** A form field: its key, type, whether required, allowed values (radio/select), max length; its label as the form shows it (or null). */
    public record Field(String key, String type, boolean required, Set<String> values, Integer maxLength,
                        Integer minLength, java.util.regex.Pattern pattern, boolean email, java.math.BigDecimal min, java.math.BigDecimal max,
                        String label) {
    }

    private final Map<String, List<Field>> forms = new HashMap<>();
    private final ObjectMapper json;

    FormSchemas(ObjectMapper json) {
        this.json = json;
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
                try (InputStream in = r.getInputStream()) {
                    JsonNode form = json.readTree(in);
                    forms.put(form.path("id").asText(), fieldsOf(form));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read forms/*.form", e);
        }
    }

    /** The fields of a form-js form as deployed (a form resource's content). */
    public List<Field> parse(InputStream form) {
        try {
            return fieldsOf(json.readTree(form));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read a deployed form", e);
        }
    }

    private static List<Field> fieldsOf(JsonNode form) {
        List<Field> fields = new ArrayList<>();
        collect(form.path("components"), fields);
        return List.copyOf(fields);
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
                    values, validate.hasNonNull("maxLength") ? validate.path("maxLength").asInt() : null,
                    validate.hasNonNull("minLength") ? validate.path("minLength").asInt() : null,
                    validate.hasNonNull("pattern") ? java.util.regex.Pattern.compile(validate.path("pattern").asText()) : null,
                    "email".equals(validate.path("validationType").asText()),
                    validate.hasNonNull("min") ? validate.path("min").decimalValue() : null,
                    validate.hasNonNull("max") ? validate.path("max").decimalValue() : null,
                    c.hasNonNull("label") && !c.path("label").asText().isBlank() ? c.path("label").asText().strip() : null));
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
        return violations(fields(formId), submitted);
    }

    /** Field name → problem, for every submitted value that breaks the rules of these fields. */
    public static Map<String, String> violations(List<Field> fields, Map<String, Object> submitted) {
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        for (Field f : fields) {
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
            } else if (f.minLength() != null && value instanceof String s && s.length() < f.minLength()) {
                problems.put(f.key(), "must be at least " + f.minLength() + " characters");
            } else if (f.pattern() != null && value instanceof String s && !f.pattern().matcher(s).find()) {
                problems.put(f.key(), "must match the pattern " + f.pattern().pattern());
            } else if (f.email() && value instanceof String s && !EMAIL.matcher(s).matches()) {
                problems.put(f.key(), "must be an email address");
            } else if ((f.min() != null || f.max() != null) && outOfRange(value, f.min(), f.max())) {
                problems.put(f.key(), "must be a number" + (f.min() != null ? " from " + f.min().toPlainString() : "")
                        + (f.max() != null ? " up to " + f.max().toPlainString() : ""));
            } else if ("datetime".equals(f.type()) && !(value instanceof String s && isDate(s))) {
                problems.put(f.key(), "must be a date (yyyy-mm-dd)");
            }
        }
        return problems;
    }

    /** form-js's own email check: something@something.tld, no spaces. */
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");

    private static boolean outOfRange(Object value, java.math.BigDecimal min, java.math.BigDecimal max) {
        java.math.BigDecimal n;
        try {
            n = new java.math.BigDecimal(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            return true;
        }
        return (min != null && n.compareTo(min) < 0) || (max != null && n.compareTo(max) > 0);
    }

    public static boolean isDate(String s) {
        try {
            java.time.LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }
}
