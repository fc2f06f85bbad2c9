package org.relocation.platform.engine;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.relocationcase.CaseIntake;
import org.relocation.relocationcase.IntakeValidator;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start form's country lists are the JDK's ISO 3166 list with English names (the form was generated from it,
 * sorted by name), and every value the form offers is one the intake validator accepts: form and server agree.
 */
class StartFormListsTest {

    private static JsonNode startForm() throws Exception {
        try (InputStream in = StartFormListsTest.class.getResourceAsStream("/forms/start-relocation.form")) {
            return Api.JSON.readTree(in);
        }
    }

    private static Map<String, JsonNode> countrySelects(JsonNode form) {
        Map<String, JsonNode> selects = new TreeMap<>();
        for (JsonNode c : form.path("components")) {
            String key = c.path("key").asText();
            if (key.endsWith("ationality") || key.endsWith("Country")) {
                selects.put(key, c);
            }
        }
        return selects;
    }

    @Test
    void everyCountrySelectOffersTheJdkListWithEnglishNamesSortedByName() throws Exception {
        Map<String, String> jdk = new LinkedHashMap<>();
        for (String code : Locale.getISOCountries()) {
            jdk.put(code, new Locale("", code).getDisplayCountry(Locale.ENGLISH));
        }
        Map<String, JsonNode> selects = countrySelects(startForm());
        assertThat(selects).containsKeys("intake_nationality", "intake_homeCountry", "intake_hostCountry", "intake_dependent1Nationality")
                .hasSize(3 + IntakeForm.DEPENDENT_SLOTS);
        selects.forEach((key, select) -> {
            assertThat(select.path("type").asText()).as(key).isEqualTo("select");
            assertThat(select.path("searchable").asBoolean()).as(key).isTrue();
            Map<String, String> offered = new LinkedHashMap<>();
            List<String> labels = new ArrayList<>();
            select.path("values").forEach(v -> {
                offered.put(v.path("value").asText(), v.path("label").asText());
                labels.add(v.path("label").asText());
            });
            assertThat(offered).as(key).isEqualTo(jdk);
            assertThat(labels).as(key).isSorted();
        });
    }

    @Test
    void theValidatorAcceptsEveryCountryTheFormOffers() throws Exception {
        for (JsonNode v : countrySelects(startForm()).get("intake_hostCountry").path("values")) {
            String code = v.path("value").asText();
            CaseIntake intake = new CaseIntake("Ana", "ana@example.com", "ana", code, code, "City", code, "City", "PERMANENT_TRANSFER",
                    LocalDate.of(2027, 3, 1), null, "CC-1", new BigDecimal("1000"), "EUR", 5, new BigDecimal("50000"), "EUR",
                    List.of(new CaseIntake.Dependent("CHILD", "Lia", code, null)), "lm", null);
            assertThat(IntakeValidator.validate(intake)).as(code).isEmpty();
        }
    }

    @Test
    void theDependantSlotsAreNamedBackPerSlot() {
        assertThat(IntakeForm.slotField("dependents[0].fullName")).isEqualTo("dependent1FullName");
        assertThat(IntakeForm.slotField("dependents[3].birthDate")).isEqualTo("dependent4BirthDate");
        assertThat(IntakeForm.slotField("hostCountry")).isEqualTo("hostCountry");
    }
}
