package org.relocation.platform.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.impl.form.validator.FormFieldValidationException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A refused form in sentences: each field by its label, what to do, no field keys in Java map text. */
class FieldMessagesTest {

    private final FormSchemas forms = new FormSchemas(new ObjectMapper());

    @Test
    void eachFieldIsNamedByItsLabelWithWhatToDo() {
        Map<String, Object> intake = new LinkedHashMap<>();
        intake.put("intake_hostCountry", "Germany");
        intake.put("intake_costCentre", "C".repeat(41));
        List<FormSchemas.Field> fields = forms.fields("start-relocation");
        Map<String, String> problems = new LinkedHashMap<>(FormSchemas.violations(fields, intake));
        problems.keySet().retainAll(List.of("intake_hostCountry", "intake_costCentre"));

        FormFieldValidationException refusal = FieldMessages.refusal(fields, problems);

        Map<String, String> sentences = refusal.getDetail();
        assertThat(sentences).containsEntry("intake_hostCountry", "Host country: choose a country from the list.")
                .containsEntry("intake_costCentre", "Cost centre: use at most 40 characters.");
        assertThat(refusal.getMessage()).isEqualTo("Host country: choose a country from the list. Cost centre: use at most 40 characters.")
                .doesNotContain("{", "=", "intake_");
    }

    @Test
    void aSentenceOfItsOwnIsKeptAndAFieldTheFormLacksIsNamedByItsKey() {
        assertThat(FieldMessages.sentence("Are the documents complete and valid?", "documentsDecision",
                "Passport copy of the employee was rejected: ask for it again, or choose 'invalid'."))
                .isEqualTo("Passport copy of the employee was rejected: ask for it again, or choose 'invalid'.");
        assertThat(FieldMessages.sentence("Are the documents complete and valid?", "documentsDecision", "choose one of the options"))
                .isEqualTo("Are the documents complete and valid: choose one of the options.");
        assertThat(FieldMessages.sentence(null, "caseId", "this is not a field of this form: only the form's fields can be submitted"))
                .isEqualTo("Field 'caseId': this is not a field of this form: only the form's fields can be submitted.");
        assertThat(FieldMessages.fromKey("intake_employeeUserId")).isEqualTo("Employee user id");
    }
}
