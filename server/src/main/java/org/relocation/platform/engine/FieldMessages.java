package org.relocation.platform.engine;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A refused form submission as a person reads it (the Tasklist shows the message as it is): one sentence per field,
 * named by the label the form shows, e.g. "The case cannot be opened: Employee login: must be the login of an existing
 * user: no user has this login, check its spelling." A field without a label, or a name that is no field of the form,
 * is named by its key. The field-by-field map stays in the exception for API clients.
 */
final class FieldMessages {

    private FieldMessages() {
    }

    static String of(String intro, List<FormSchemas.Field> fields, Map<String, String> problems) {
        Map<String, String> labels = fields.stream().filter(f -> f.label() != null)
                .collect(Collectors.toMap(FormSchemas.Field::key, FormSchemas.Field::label, (a, b) -> a));
        return intro + problems.entrySet().stream()
                .map(p -> labels.getOrDefault(p.getKey(), p.getKey()) + ": " + p.getValue().strip().replaceAll("\\.$", ""))
                .collect(Collectors.joining("; ")) + ".";
    }
}
