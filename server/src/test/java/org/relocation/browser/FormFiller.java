package org.relocation.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.fail;

/**
 * Fills a form-js form in the Tasklist as a person does, driven by the form's own JSON (forms/*.form): every
 * required field ({@code validate.required}), also those the form's conditions show, plus every optional field
 * the test gives a value for. The test gives the values the engine should receive:
 * <ul>
 * <li>textfield, textarea: a String, typed in;</li>
 * <li>number: a Number, typed in;</li>
 * <li>checkbox: Boolean.TRUE, ticked;</li>
 * <li>radio, select: the option's value (not its label); the option with that value is chosen by its label (options
 * from the form's data, {@code valuesKey}: looked up in the task's form variables when the form opens);</li>
 * <li>datetime with subtype date: a LocalDate, typed in the date picker's format;</li>
 * <li>dynamiclist (its key is its path): a List of Maps, entry i's values filled into the list's i-th entry as above
 * (the rendered entries are the form's data, e.g. one per dependant: the list has as many as the test gives).</li>
 * </ul>
 * A required field the test has no value for, or one of a type this class cannot fill, fails with a message that
 * names the form and the field.
 */
final class FormFiller {

    /** Component types this class can fill. */
    static final Set<String> FILLABLE = Set.of("textfield", "textarea", "number", "checkbox", "radio", "select", "datetime",
            "dynamiclist");

    /** An input field of a form: a component with a key (a dynamic list: its path; options: the list's components). */
    record Field(String formId, String id, String key, String type, String subtype, String label, boolean required,
                 boolean conditional, boolean locked, JsonNode options, String valuesKey) {

        String describe() {
            return "field '" + key + "' (" + type + (subtype.isEmpty() ? "" : " " + subtype) + ", label '" + label + "')";
        }

        boolean fillable() {
            return FILLABLE.contains(type) && (!"datetime".equals(type) || "date".equals(subtype));
        }

        /** The label of the radio/select option with this value, or null if there is none. */
        String optionLabel(Object value) {
            for (JsonNode option : options) {
                if (option.path("value").asText().equals(String.valueOf(value))) {
                    return option.path("label").asText();
                }
            }
            return null;
        }

        /** This field with its options taken from the form's data (its valuesKey's variable), when it has a valuesKey. */
        Field withOptionsFrom(Map<String, JsonNode> data) {
            if (valuesKey.isEmpty()) {
                return this;
            }
            JsonNode variable = data.get(valuesKey);
            JsonNode value = variable == null ? null : variable.path("value");
            try {
                JsonNode offered = value == null ? JSON.createArrayNode() : value.isTextual() ? JSON.readTree(value.asText()) : value;
                return new Field(formId, id, key, type, subtype, label, required, conditional, locked, offered, valuesKey);
            } catch (IOException e) {
                throw new UncheckedIOException("form " + formId + ": the options of " + key + " (" + valuesKey + ") are no JSON", e);
            }
        }

        /** The fields of each entry of a dynamic list. */
        List<Field> items() {
            return fieldsIn(formId, options);
        }

        /** This field of a dynamic list's entry i (form-js ids end {@code _i}). */
        Field entry(int i) {
            return new Field(formId, id + "_" + i, key, type, subtype, label, required, conditional, locked, options, valuesKey);
        }

        List<String> optionValues() {
            List<String> values = new ArrayList<>();
            options.forEach(o -> values.add(o.path("value").asText()));
            return values;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private FormFiller() {
    }

    /** forms/*.form on the classpath (the files the server deploys), by form id. */
    static Map<String, JsonNode> formsOnClasspath(ObjectMapper json) {
        Map<String, JsonNode> forms = new TreeMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
                try (InputStream in = r.getInputStream()) {
                    JsonNode form = json.readTree(in);
                    forms.put(form.path("id").asText(), form);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return forms;
    }

    /**
     * All components of a component list, nested ones (groups) included, in document order; not a dynamic list's own
     * components, which render once per entry of the form's data (none without a case).
     */
    static List<JsonNode> components(JsonNode components) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode c : components) {
            all.add(c);
            if (!"dynamiclist".equals(c.path("type").asText())) {
                all.addAll(components(c.path("components")));
            }
        }
        return all;
    }

    /** The input fields of a form (components with a key), in document order. */
    static List<Field> fields(JsonNode form) {
        return fieldsIn(form.path("id").asText(), form.path("components"));
    }

    /** Components with a key or a dynamic list's path, nested ones included but not the fields of a list's entries. */
    private static List<JsonNode> inputs(JsonNode components) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode c : components) {
            boolean list = "dynamiclist".equals(c.path("type").asText()) && c.hasNonNull("path");
            if (c.hasNonNull("key") || list) {
                all.add(c);
            }
            if (!list) {
                all.addAll(inputs(c.path("components")));
            }
        }
        return all;
    }

    private static List<Field> fieldsIn(String formId, JsonNode components) {
        List<Field> fields = new ArrayList<>();
        for (JsonNode c : inputs(components)) {
            if ("dynamiclist".equals(c.path("type").asText())) {
                fields.add(new Field(formId, c.path("id").asText(), c.path("path").asText(), "dynamiclist", "",
                        c.path("label").asText(c.path("path").asText()), false, !c.path("conditional").path("hide").asText("").isBlank(),
                        false, c.path("components"), ""));
                continue;
            }
            JsonNode required = c.path("validate").path("required");
            // a required given as an expression ("=...") may hold: the test must know a value for it as well
            boolean isRequired = required.isBoolean() ? required.asBoolean() : !required.isMissingNode() && !required.isNull();
            String hide = c.path("conditional").path("hide").asText("");
            String label = c.hasNonNull("label") ? c.path("label").asText() : c.path("dateLabel").asText(c.path("key").asText());
            fields.add(new Field(formId, c.path("id").asText(), c.path("key").asText(), c.path("type").asText(),
                    c.path("subtype").asText(""), label, isRequired, !hide.isBlank(),
                    c.path("disabled").asBoolean(false) || c.path("readonly").asBoolean(false), c.path("values"),
                    c.path("valuesKey").asText("")));
        }
        return fields;
    }

    /**
     * Why the test values cannot fill this form: a required field without a value, a value for a field the form does
     * not have, a value of the wrong kind, a field type this class cannot fill. Empty when the values fit.
     */
    static List<String> problems(JsonNode form, Map<String, ?> values) {
        String formId = form.path("id").asText();
        List<String> problems = new ArrayList<>();
        List<Field> fields = fields(form);
        for (String key : values.keySet()) {
            if (fields.stream().noneMatch(f -> f.key().equals(key))) {
                problems.add("form " + formId + " has no field '" + key + "', but the test has a value for it");
            }
        }
        for (Field f : fields) {
            boolean valued = values.containsKey(f.key());
            if (f.required() && !valued) {
                problems.add("form " + formId + ": required " + f.describe() + " has no test value, so the test cannot fill it"
                        + " (add one to FormFillingBrowserIT.VALUES)");
                continue;
            }
            if (!valued) {
                continue;
            }
            if (f.required() && f.locked()) {
                problems.add("form " + formId + ": required " + f.describe() + " is disabled or read-only, so nobody can fill it");
            }
            if (!f.fillable()) {
                problems.add("form " + formId + ": " + f.describe() + " is of a kind FormFiller cannot fill yet (it fills "
                        + FILLABLE + ", datetime only as subtype date)");
                continue;
            }
            String wrong = wrongValue(f, values.get(f.key()));
            if (wrong != null) {
                problems.add("form " + formId + ": the test value for " + f.describe() + " " + wrong);
            }
        }
        return problems;
    }

    private static String wrongValue(Field f, Object value) {
        return switch (f.type()) {
            case "textfield", "textarea" -> value instanceof String s && !s.isEmpty() ? null : "must be a non-empty String";
            case "number" -> value instanceof Number ? null : "must be a Number";
            case "checkbox" -> Boolean.TRUE.equals(value) || (!f.required() && Boolean.FALSE.equals(value)) ? null
                    : "must be Boolean.TRUE (a required checkbox must be ticked)";
            case "radio", "select" -> !f.valuesKey().isEmpty() ? (value instanceof String s && !s.isEmpty() ? null
                    : "must be a non-empty String (an option value of " + f.valuesKey() + ", the form's data)")
                    : f.optionLabel(value) != null ? null : "must be one of the option values " + f.optionValues();
            case "datetime" -> value instanceof LocalDate ? null : "must be a LocalDate";
            case "dynamiclist" -> wrongEntries(f, value);
            default -> "cannot be entered";
        };
    }

    private static String wrongEntries(Field f, Object value) {
        if (!(value instanceof List<?> entries) || entries.stream().anyMatch(e -> !(e instanceof Map<?, ?>))) {
            return "must be a List of Maps (one per entry of the list)";
        }
        for (Object e : entries) {
            Map<?, ?> entry = (Map<?, ?>) e;
            for (Object key : entry.keySet()) {
                Field item = f.items().stream().filter(i -> i.key().equals(key)).findFirst().orElse(null);
                if (item == null || item.locked() || !item.fillable()) {
                    return "has a value for '" + key + "', which is no field a person fills in an entry of the list";
                }
                String wrong = wrongValue(item, entry.get(key));
                if (wrong != null) {
                    return "has for entry field " + item.describe() + " a value that " + wrong;
                }
            }
            for (Field item : f.items()) {
                if (item.required() && !item.locked() && !entry.containsKey(item.key())) {
                    return "has no value for the required entry field " + item.describe();
                }
            }
        }
        return null;
    }

    /**
     * Fills the form open in the Tasklist (a task's form, or the start form in the Start process dialog) with the test
     * values: required fields and every field the test has a value for. A field the form's conditions hide stays
     * empty, as a person would leave it (form-js neither validates nor submits hidden fields).
     *
     * @return what was entered, by field key, in the order entered
     */
    static Map<String, Object> fill(Tasklist tasklist, JsonNode form, Map<String, ?> values) {
        return fill(tasklist, form, values, Map.of());
    }

    /**
     * {@link #fill(Tasklist, JsonNode, Map)} with the form's data (the task's form variables, name to the REST API's
     * {type, value}): the options of a radio or select with a valuesKey.
     */
    static Map<String, Object> fill(Tasklist tasklist, JsonNode form, Map<String, ?> values, Map<String, JsonNode> data) {
        String formId = form.path("id").asText();
        List<String> problems = problems(form, values);
        if (!problems.isEmpty()) {
            fail("The test cannot fill form " + formId + " in the Tasklist:\n - " + String.join("\n - ", problems));
        }
        List<Field> toFill = fields(form).stream().filter(f -> values.containsKey(f.key())).map(f -> f.withOptionsFrom(data)).toList();
        for (Field f : toFill) {
            if (!f.valuesKey().isEmpty() && f.optionLabel(values.get(f.key())) == null) {
                fail("form " + formId + ": " + f.describe() + " does not offer the test value " + values.get(f.key())
                        + " (offered: " + f.optionValues() + ")");
            }
        }
        Map<String, Object> entered = new LinkedHashMap<>();
        // a value may show a field that a condition hid: go round until nothing more can be filled
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Field f : toFill) {
                if (entered.containsKey(f.key()) || (f.conditional() && !tasklist.isShown(f.id()))) {
                    continue;
                }
                enter(tasklist, f, values.get(f.key()));
                entered.put(f.key(), values.get(f.key()));
                progress = true;
            }
        }
        // the Tasklist may render the form again while it is filled (the task list refreshing as other tasks appear, a
        // claim): a text typed before that is gone from the new rendering, as it would be for a person, who types it
        // again. Check every typed text is still there (type() types only into a field that lost it)
        for (Field f : toFill) {
            if (entered.containsKey(f.key()) && (f.type().equals("textfield") || f.type().equals("textarea"))) {
                tasklist.type(f.id(), (String) entered.get(f.key()));
            }
        }
        return entered;
    }

    private static void enter(Tasklist tasklist, Field f, Object value) {
        switch (f.type()) {
            case "textfield", "textarea" -> tasklist.type(f.id(), (String) value);
            case "number" -> tasklist.type(f.id(), new BigDecimal(value.toString()).toPlainString());
            case "checkbox" -> {
                if (Boolean.TRUE.equals(value)) {
                    tasklist.tick(f.id());
                }
            }
            case "radio" -> tasklist.choose(f.id(), f.optionLabel(value));
            case "select" -> tasklist.select(f.id(), f.optionLabel(value));
            case "datetime" -> tasklist.date(f.id(), (LocalDate) value);
            case "dynamiclist" -> {
                List<?> entries = (List<?>) value;
                for (int i = 0; i < entries.size(); i++) {
                    Map<?, ?> entry = (Map<?, ?>) entries.get(i);
                    for (Field item : f.items()) {
                        if (entry.containsKey(item.key())) {
                            enter(tasklist, item.entry(i), entry.get(item.key()));
                        }
                    }
                }
            }
            default -> fail("form " + f.formId() + ": cannot fill " + f.describe());
        }
    }
}
