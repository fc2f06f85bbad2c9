package org.relocation.platform.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The server checks a submission against the same rules form-js checks in the browser. */
class FormSchemasTest {

    private final FormSchemas forms = new FormSchemas(new ObjectMapper());

    private Map<String, Object> documents(String passport) {
        Map<String, Object> v = new HashMap<>();
        v.put("pd_passportNumber", passport);
        v.put("pd_passportExpiry", "2031-01-31");
        v.put("documentsProvided", true);
        return v;
    }

    @Test
    void aValidSubmissionHasNoViolations() {
        assertThat(forms.violations("provide-immigration-documents", documents("X1234567"))).isEmpty();
    }

    @Test
    void requiredFieldsPatternsAndLengthsAreEnforced() {
        assertThat(forms.violations("provide-immigration-documents", documents("K7-L9")))
                .containsEntry("pd_passportNumber", "this is not in the expected form (letters and digits only, as printed in your passport)");
        Map<String, Object> unticked = documents("X1234567");
        unticked.put("documentsProvided", false);
        assertThat(forms.violations("provide-immigration-documents", unticked)).containsEntry("documentsProvided", "tick this box: it is required");
    }

    @Test
    void theStartFormChecksEmailCountryCodesAndLimits() {
        Map<String, Object> intake = new HashMap<>();
        intake.put("intake_employeeEmail", "not an email");
        intake.put("intake_nationality", "India");
        intake.put("intake_costCentre", "C".repeat(41));
        intake.put("intake_budgetAmount", -5);
        Map<String, String> problems = forms.violations("start-relocation", intake);
        assertThat(problems).containsEntry("intake_employeeEmail", "enter an email address such as name@example.com")
                .containsEntry("intake_costCentre", "use at most 40 characters")
                .containsEntry("intake_budgetAmount", "enter a number from 0")
                .containsEntry("intake_nationality", "choose a country from the list")
                .containsEntry("intake_employeeName", "this field is required");
    }

    @Test
    void everyFieldHasTheLabelThePersonReads() {
        assertThat(forms.fields("start-relocation")).filteredOn(f -> f.key().equals("intake_hostCountry"))
                .singleElement().extracting(FormSchemas.Field::label).isEqualTo("Host country");
        assertThat(forms.formIds()).allSatisfy(form -> assertThat(forms.fields(form))
                .as("fields of %s without a label", form).allSatisfy(f -> assertThat(f.label()).as(f.key()).isNotBlank()));
    }

    @Test
    void aDynamicListIsOneFieldWhoseEntriesAreCheckedLikeAForm() {
        assertThat(forms.fields("confirm-benefits-enrolment")).extracting(FormSchemas.Field::key)
                .contains("dependantPlans").doesNotContain("plan", "travellerId");
        FormSchemas.Field list = forms.fields("confirm-benefits-enrolment").stream().filter(FormSchemas.Field::isList).findFirst().orElseThrow();
        assertThat(list.items()).extracting(FormSchemas.Field::key).containsExactly("travellerId", "plan");

        Map<String, Object> v = new HashMap<>();
        v.put("dependantPlans", "[{\"travellerId\": 7, \"plan\": \"international\"}, {\"travellerId\": 8, \"plan\": \"gold\", \"name\": \"Kim\"},"
                + " {\"plan\": {\"nested\": true}}]");
        assertThat(FormSchemas.violations(forms.fields("confirm-benefits-enrolment"), v))
                .containsEntry("dependantPlans[1].plan", "choose one of the options from the list")
                .containsEntry("dependantPlans[1].name", "this is not a field of this list: only the form's fields can be submitted")
                .containsEntry("dependantPlans[2].travellerId", "this field is required")
                .containsEntry("dependantPlans[2].plan", "this takes a single value, not a list or an object")
                .doesNotContainKeys("dependantPlans[0].plan", "dependantPlans[0].travellerId");
        v.put("dependantPlans", "{\"travellerId\": 7}");
        assertThat(FormSchemas.violations(forms.fields("confirm-benefits-enrolment"), v))
                .containsEntry("dependantPlans", "this is a list: send a JSON array of objects");
        assertThat(FormSchemas.list(java.util.List.of(Map.of("travellerId", 7)))).hasValue(java.util.List.of(Map.of("travellerId", 7)));
        assertThat(FormSchemas.list("not json")).isEmpty();

        assertThat(FieldMessages.sentences(forms.fields("confirm-benefits-enrolment"), Map.of("dependantPlans[1].plan", "choose one")))
                .containsEntry("dependantPlans[1].plan", "Their health plan (entry 2 of Health plans of your family): choose one.");
    }
}
