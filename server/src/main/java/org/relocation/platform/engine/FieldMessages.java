package org.relocation.platform.engine;

import org.operaton.bpm.engine.impl.form.validator.FormFieldValidationException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A refused form submission in sentences a person reads: one per field, named by the label the form shows ("Host
 * country: choose a country from the list."), never a field key in a Java map ({@code {intake_hostCountry=...}}). The
 * engine REST API answers it as a 400 whose {@code fieldErrors} map each field to its sentence and whose
 * {@code message} (the Tasklist's toast) is the sentences one after the other.
 * <p>
 * A problem is either a fragment (lower case: "use at most 40 characters"), which follows the field's label, or a whole
 * sentence of its own (upper case: "Passport copy of the employee was rejected: ..."), which already says what it is
 * about and is kept as it is.
 */
final class FieldMessages {

    private FieldMessages() {
    }

    /** Field → sentence, labels from the fields of the deployed form (a field the form lacks is named by its key). */
    static Map<String, String> sentences(List<FormSchemas.Field> fields, Map<String, String> problems) {
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, FormSchemas.Field> lists = new LinkedHashMap<>();
        fields.forEach(f -> labels.put(f.key(), f.label()));
        fields.stream().filter(FormSchemas.Field::isList).forEach(f -> lists.put(f.key(), f));
        return sentences(problems, key -> labels.containsKey(key) ? labels.get(key) : itemLabel(lists, key));
    }

    private static final java.util.regex.Pattern ITEM = java.util.regex.Pattern.compile("([^\\[]+)\\[(\\d+)](?:\\.(.+))?");

    /** {@code dependantPlans[1].plan} → "Plan (entry 2 of Health plans of your family)"; null when it is no list's item. */
    private static String itemLabel(Map<String, FormSchemas.Field> lists, String key) {
        java.util.regex.Matcher m = ITEM.matcher(key);
        FormSchemas.Field list = m.matches() ? lists.get(m.group(1)) : null;
        if (list == null) {
            return null;
        }
        String item = m.group(3) == null ? null : list.items().stream().filter(i -> i.key().equals(m.group(3)))
                .map(FormSchemas.Field::label).filter(java.util.Objects::nonNull).findFirst().orElse(fromKey(m.group(3)));
        String entry = "entry " + (Integer.parseInt(m.group(2)) + 1) + " of " + (list.label() == null ? fromKey(list.key()) : list.label());
        return item == null ? Character.toUpperCase(entry.charAt(0)) + entry.substring(1) : item + " (" + entry + ")";
    }

    /** Field → sentence, the label of each field from {@code labelOf} (null: the field is named by its key). */
    static Map<String, String> sentences(Map<String, String> problems, Function<String, String> labelOf) {
        Map<String, String> sentences = new LinkedHashMap<>();
        problems.forEach((key, problem) -> sentences.put(key, sentence(labelOf.apply(key), key, problem)));
        return sentences;
    }

    /** "Label: fragment." or the problem itself when it is a sentence already. */
    static String sentence(String label, String key, String problem) {
        String text = problem == null || problem.isBlank() ? "is not accepted" : problem.trim();
        String ending = text.endsWith(".") || text.endsWith("?") || text.endsWith("!") ? "" : ".";
        if (Character.isUpperCase(text.charAt(0))) {
            return text + ending;
        }
        String name = label == null || label.isBlank() ? "Field '" + key + "'" : label.trim().replaceAll("[:?]+$", "");
        return name + ": " + text + ending;
    }

    /** The sentences one after the other: the message of the refusal. */
    static String message(Map<String, String> sentences) {
        return String.join(" ", sentences.values());
    }

    /** The engine's form refusal (a 400 on every REST route), with the sentences as its field errors and message. */
    static FormFieldValidationException refusal(List<FormSchemas.Field> fields, Map<String, String> problems) {
        Map<String, String> sentences = sentences(fields, problems);
        return new FormFieldValidationException(sentences, message(sentences));
    }

    /** A key without a form to read its label from: {@code intake_employeeUserId} → "Employee user id". */
    static String fromKey(String key) {
        String bare = key.startsWith(PersonalData.INTAKE_PREFIX) ? key.substring(PersonalData.INTAKE_PREFIX.length()) : key;
        String words = bare.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').replace('-', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty() ? key : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
