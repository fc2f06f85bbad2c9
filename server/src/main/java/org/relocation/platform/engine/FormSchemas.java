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

    /**
     * A form field: its key, type, whether required, allowed values (radio/select), max length, and the label and
     * description a person reads in the form (refusals name the field by its label: {@link FieldMessages}).
     */
    public record Field(String key, String type, boolean required, Set<String> values, Integer maxLength,
                        Integer minLength, java.util.regex.Pattern pattern, boolean email, java.math.BigDecimal min, java.math.BigDecimal max,
                        String label, String description, List<Field> items) {

        /** A form-js dynamic list ({@code dynamiclist} with a {@code path}): a list of objects, each of its item fields. */
        public boolean isList() {
            return items != null;
        }
    }

    /** The type of a form-js dynamic list: its {@code path} is the field's key, its value a list of objects. */
    public static final String LIST = "dynamiclist";
    private static final ObjectMapper LIST_JSON = new ObjectMapper();

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
            if (LIST.equals(c.path("type").asText()) && c.hasNonNull("path")) {
                // a list of objects under its path: its keyed components are the fields of each item, not of the form
                List<Field> items = new ArrayList<>();
                collect(c.path("components"), items);
                out.add(new Field(c.path("path").asText(), LIST, c.path("validate").path("required").asBoolean(false), Set.of(),
                        null, null, null, false, null, null, c.hasNonNull("label") ? c.path("label").asText() : null,
                        c.hasNonNull("description") ? c.path("description").asText() : null, List.copyOf(items)));
                continue;
            }
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
                    c.hasNonNull("label") ? c.path("label").asText() : null,
                    c.hasNonNull("description") ? c.path("description").asText() : null, null));
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

    /**
     * Field name → problem, for every submitted value that breaks the rules of these fields: what to do, in words a
     * person reads after the field's label ("choose a country from the list"), never a pattern or a list of codes.
     */
    public static Map<String, String> violations(List<Field> fields, Map<String, Object> submitted) {
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        for (Field f : fields) {
            Object value = submitted.get(f.key());
            if (f.isList()) {
                listViolations(f, value, problems);
                continue;
            }
            boolean blank = value == null || (value instanceof String s && s.isBlank());
            if (f.required() && (blank || ("checkbox".equals(f.type()) && !Boolean.TRUE.equals(value)))) {
                problems.put(f.key(), "checkbox".equals(f.type()) ? "tick this box: it is required"
                        : !f.values().isEmpty() ? "this field is required: " + choose(f) : "this field is required");
                continue;
            }
            if (blank) {
                continue;
            }
            if (!f.values().isEmpty() && !f.values().contains(String.valueOf(value))) {
                problems.put(f.key(), choose(f));
            } else if (f.maxLength() != null && value instanceof String s && s.length() > f.maxLength()) {
                problems.put(f.key(), "use at most " + f.maxLength() + " characters");
            } else if (f.minLength() != null && value instanceof String s && s.length() < f.minLength()) {
                problems.put(f.key(), "use at least " + f.minLength() + " characters");
            } else if (f.pattern() != null && value instanceof String s && !f.pattern().matcher(s).find()) {
                problems.put(f.key(), "this is not in the expected form" + hint(f.description()));
            } else if (f.email() && value instanceof String s && !EMAIL.matcher(s).matches()) {
                problems.put(f.key(), "enter an email address such as name@example.com");
            } else if ((f.min() != null || f.max() != null) && outOfRange(value, f.min(), f.max())) {
                problems.put(f.key(), "enter a number" + (f.min() != null ? " from " + f.min().toPlainString() : "")
                        + (f.max() != null ? " up to " + f.max().toPlainString() : ""));
            } else if ("datetime".equals(f.type()) && !(value instanceof String s && isDate(s))) {
                problems.put(f.key(), "enter a date (year-month-day)");
            }
        }
        return problems;
    }

    /**
     * A dynamic list's value: null or empty (blank text) is no list; otherwise a list of objects, whatever route brought
     * it (the Tasklist's {@code Json} text, a REST client's array); empty when it is neither (the form is told).
     */
    public static java.util.Optional<List<Map<String, Object>>> list(Object value) {
        Object v = value;
        if (v instanceof String s) {
            if (s.isBlank()) {
                return java.util.Optional.of(List.of());
            }
            try {
                v = LIST_JSON.readValue(s, Object.class);
            } catch (IOException e) {
                return java.util.Optional.empty();
            }
        }
        if (v == null) {
            return java.util.Optional.of(List.of());
        }
        if (!(v instanceof List<?> items)) {
            return java.util.Optional.empty();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> m)) {
                return java.util.Optional.empty();
            }
            Map<String, Object> copy = new java.util.LinkedHashMap<>();
            m.forEach((k, x) -> copy.put(String.valueOf(k), x));
            out.add(copy);
        }
        return java.util.Optional.of(out);
    }

    /** A list as the text the engine keeps for the moment of the completion (a String variable, removed at once). */
    public static String listText(List<Map<String, Object>> items) {
        try {
            return LIST_JSON.writeValueAsString(items);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "dependantPlans[1].plan": the key of an item's field in a list's problems. */
    public static String itemKey(String list, int index, String field) {
        return list + "[" + index + "]" + (field == null ? "" : "." + field);
    }

    private static void listViolations(Field f, Object value, Map<String, String> problems) {
        java.util.Optional<List<Map<String, Object>>> list = list(value);
        if (list.isEmpty()) {
            problems.put(f.key(), "this is a list: send a JSON array of objects");
            return;
        }
        if (f.required() && list.get().isEmpty()) {
            problems.put(f.key(), "this field is required");
            return;
        }
        Set<String> known = new java.util.HashSet<>();
        f.items().forEach(i -> known.add(i.key()));
        for (int i = 0; i < list.get().size(); i++) {
            Map<String, Object> item = list.get().get(i);
            int index = i;
            new java.util.TreeSet<>(item.keySet()).stream().filter(k -> !known.contains(k)).forEach(k ->
                    problems.put(itemKey(f.key(), index, k), "this is not a field of this list: only the form's fields can be submitted"));
            Map<String, Object> plain = new java.util.LinkedHashMap<>();
            item.forEach((k, v) -> plain.put(k, v instanceof Map<?, ?> || v instanceof java.util.Collection<?> ? NOT_PLAIN : v));
            violations(f.items(), plain).forEach((k, p) -> problems.put(itemKey(f.key(), index, k), p));
            item.forEach((k, v) -> {
                if (known.contains(k) && plain.get(k) == NOT_PLAIN) {
                    problems.put(itemKey(f.key(), index, k), "this takes a single value, not a list or an object");
                }
            });
        }
    }

    private static final Object NOT_PLAIN = new Object() {
        @Override
        public String toString() {
            return "";
        }
    };

    /** " (letters and digits only)": the first clause of the field's description, as a hint; empty without one. */
    private static String hint(String description) {
        if (description == null || description.isBlank()) {
            return "";
        }
        String first = description.trim().split("[.;]", 2)[0].trim();
        return first.isEmpty() ? "" : " (" + Character.toLowerCase(first.charAt(0)) + first.substring(1) + ")";
    }

    /** "choose a country from the list", "choose one of the options": what a radio or select takes. */
    private static String choose(Field f) {
        String label = f.label() == null ? "" : f.label().toLowerCase(java.util.Locale.ROOT);
        String what = label.contains("country") || label.contains("nationality") ? "a country" : label.contains("currency") ? "a currency" : "one of the options";
        return "select".equals(f.type()) ? "choose " + what + " from the list" : "choose " + what;
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
