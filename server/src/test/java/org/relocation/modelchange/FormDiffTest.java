package org.relocation.modelchange;

import org.junit.jupiter.api.Test;
import org.relocation.processes.model.ModelDiff;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A form's fields compared by key, nested ones included; what needs a second look is marked. */
class FormDiffTest {

    private static final String DEPLOYED = """
            {"id": "f", "components": [
              {"key": "plan", "type": "select", "label": "Plan", "values": [{"value": "a"}, {"value": "b"}], "validate": {"required": true}},
              {"type": "group", "components": [{"key": "note", "type": "textfield", "label": "Note", "validate": {"maxLength": 200}}]},
              {"key": "reason", "type": "textarea", "label": "Reason"}
            ]}""";

    @Test
    void fieldsAreComparedByKeyAndTheRiskyChangesMarked() {
        String candidate = """
                {"id": "f", "components": [
                  {"key": "plan", "type": "radio", "label": "Plan", "values": [{"value": "a"}, {"value": "c"}], "validate": {"required": true}},
                  {"type": "group", "components": [{"key": "note", "type": "textfield", "label": "Note", "validate": {"maxLength": 100, "required": true}}]},
                  {"key": "start", "type": "datetime", "label": "Start", "validate": {"required": true}},
                  {"key": "hint", "type": "textfield", "label": "Hint"}
                ]}""";

        List<ChangeReport.Difference> differences = FormDiff.diff(bytes(DEPLOYED), bytes(candidate), Set.of("reason"));

        assertThat(differences).extracting(ChangeReport.Difference::change, ChangeReport.Difference::elementId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ModelDiff.Kind.CHANGED, "plan"),
                org.assertj.core.groups.Tuple.tuple(ModelDiff.Kind.CHANGED, "note"),
                org.assertj.core.groups.Tuple.tuple(ModelDiff.Kind.ADDED, "start"),
                org.assertj.core.groups.Tuple.tuple(ModelDiff.Kind.ADDED, "hint"),
                org.assertj.core.groups.Tuple.tuple(ModelDiff.Kind.REMOVED, "reason"));
        assertThat(differences.get(0).sentence()).contains("type select → radio").contains("values a, b → a, c");
        assertThat(differences.get(0).attention()).isNull();
        assertThat(differences.get(1).sentence()).contains("required false → true").contains("maxLength 200 → 100");
        assertThat(differences.get(1).attention()).contains("now required");
        assertThat(differences.get(2).attention()).contains("new required field");
        assertThat(differences.get(3).attention()).isNull();
        assertThat(differences.get(4).attention()).contains("the server reads this field");
    }

    @Test
    void anUnreadableFormHasNoDifferencesTheValidationNamesIt() {
        assertThat(FormDiff.diff(bytes(DEPLOYED), bytes("not json"), Set.of())).isEmpty();
        assertThat(FormDiff.diff(bytes(DEPLOYED), bytes(DEPLOYED), Set.of())).isEmpty();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
