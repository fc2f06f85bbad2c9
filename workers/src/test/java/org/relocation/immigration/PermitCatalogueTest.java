package org.relocation.immigration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relocation.immigration.PermitCatalogue.Entry;
import org.relocation.immigration.PermitRequirement.Category;
import org.relocation.relocationcase.AssignmentType;
import org.relocation.relocationcase.Relationship;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Table-driven tests over the shipped reference data (processes/reference/immigration-permits.csv) and the loader. */
class PermitCatalogueTest {

    static final Set<String> HOSTS = Set.of("DE", "NL", "GB", "US", "SG", "CA", "AU", "FR", "IE", "ES", "JP", "AE");

    static PermitCatalogue catalogue;

    @BeforeAll
    static void load() {
        catalogue = new PermitCatalogue(shippedCatalogue());
    }

    /** The classpath copy once relocation-processes is on the workers' class path, else the source file. */
    static Resource shippedCatalogue() {
        Resource packaged = new ClassPathResource("processes/reference/immigration-permits.csv");
        if (packaged.exists()) {
            return packaged;
        }
        Path module = Path.of(System.getProperty("basedir", "."));
        return new FileSystemResource(module.resolve("../processes/reference/immigration-permits.csv").normalize());
    }

    @ParameterizedTest(name = "{0} {4} to {1}, {2} {3} months: {5} {6}")
    @CsvSource({
            // free movement, Common Travel Area, other exemptions and host citizens: nothing needed
            "FR, DE, LONG_TERM,                24, EMPLOYEE, NONE,             NONE",
            "FR, DE, LONG_TERM,                24, PARTNER,  NONE,             NONE",
            "CH, NL, LONG_TERM,                24, EMPLOYEE, NONE,             NONE",
            "NO, FR, PERMANENT_TRANSFER,       60, EMPLOYEE, NONE,             NONE",
            "DE, ES, SHORT_TERM,                2, EMPLOYEE, NONE,             NONE",
            "GB, IE, LONG_TERM,                24, EMPLOYEE, NONE,             NONE",
            "IE, GB, PERMANENT_TRANSFER,       24, EMPLOYEE, NONE,             NONE",
            "NZ, AU, LONG_TERM,                24, EMPLOYEE, NONE,             NONE",
            "SA, AE, LOCAL_HIRE,               24, EMPLOYEE, NONE,             NONE",
            "US, US, LONG_TERM,                24, EMPLOYEE, NONE,             NONE",
            // a free-movement host the catalogue has no rows for (CH)
            "NL, CH, LONG_TERM,                24, EMPLOYEE, NONE,             NONE",
            "BR, CH, LONG_TERM,                24, EMPLOYEE, REFER_TO_COUNSEL, REFER_TO_COUNSEL",
            // third-country nationals into the EU
            "IN, DE, LONG_TERM,                24, EMPLOYEE, WORK_PERMIT,      de-ict-card",
            "IN, DE, LONG_TERM,                24, PARTNER,  DEPENDANT_PERMIT, de-family-reunification-partner",
            "IN, DE, LONG_TERM,                24, CHILD,    DEPENDANT_PERMIT, de-family-reunification-child",
            "IN, DE, PERMANENT_TRANSFER,       60, EMPLOYEE, WORK_PERMIT,      de-eu-blue-card",
            "IN, DE, LOCAL_HIRE,               24, EMPLOYEE, WORK_PERMIT,      de-eu-blue-card",
            "IN, DE, LOCAL_HIRE,               24, CHILD,    DEPENDANT_PERMIT, de-family-reunification-child",
            "GB, DE, LONG_TERM,                24, EMPLOYEE, WORK_PERMIT,      de-ict-card",
            "IN, DE, SHORT_TERM,                2, EMPLOYEE, REFER_TO_COUNSEL, REFER_TO_COUNSEL",
            "IN, NL, LONG_TERM,                24, EMPLOYEE, WORK_PERMIT,      nl-ict",
            "IN, NL, LOCAL_HIRE,               24, PARTNER,  DEPENDANT_PERMIT, nl-family-partner",
            "IN, FR, LONG_TERM,                24, EMPLOYEE, WORK_PERMIT,      fr-ict",
            "IN, FR, LONG_TERM,                24, PARTNER,  DEPENDANT_PERMIT, fr-ict-family-partner",
            "IN, FR, PERMANENT_TRANSFER,       48, PARTNER,  DEPENDANT_PERMIT, fr-talent-passport-family-partner",
            "IN, ES, LONG_TERM,                24, EMPLOYEE, WORK_PERMIT,      es-ict",
            "IN, ES, LOCAL_HIRE,               24, EMPLOYEE, WORK_PERMIT,      es-highly-qualified-professional",
            "IN, IE, PERMANENT_TRANSFER,       24, EMPLOYEE, WORK_PERMIT,      ie-critical-skills",
            "IN, IE, LONG_TERM,                24, PARTNER,  DEPENDANT_PERMIT, ie-join-family-partner",
            // business visitors and the family travelling with them
            "US, GB, EXTENDED_BUSINESS_TRAVELLER,  1, EMPLOYEE, BUSINESS_VISITOR, gb-standard-visitor",
            "US, GB, EXTENDED_BUSINESS_TRAVELLER,  1, PARTNER,  VISITOR,          gb-visitor",
            "IN, DE, EXTENDED_BUSINESS_TRAVELLER,  1, EMPLOYEE, BUSINESS_VISITOR, de-schengen-business-visitor",
            "IN, DE, EXTENDED_BUSINESS_TRAVELLER,  1, CHILD,    VISITOR,          de-schengen-visitor",
            "BR, US, EXTENDED_BUSINESS_TRAVELLER,  2, EMPLOYEE, BUSINESS_VISITOR, us-business-visitor",
            "CN, CA, EXTENDED_BUSINESS_TRAVELLER,  3, EMPLOYEE, BUSINESS_VISITOR, ca-business-visitor",
            "IN, SG, EXTENDED_BUSINESS_TRAVELLER,  1, EMPLOYEE, BUSINESS_VISITOR, sg-business-visitor",
            "US, JP, EXTENDED_BUSINESS_TRAVELLER,  1, EMPLOYEE, BUSINESS_VISITOR, jp-temporary-visitor",
            "GB, AU, EXTENDED_BUSINESS_TRAVELLER,  1, EMPLOYEE, BUSINESS_VISITOR, au-business-visitor",
            "IN, AE, EXTENDED_BUSINESS_TRAVELLER,  1, EMPLOYEE, BUSINESS_VISITOR, ae-business-visitor",
            // the other hosts
            "JP, US, LONG_TERM,                36, EMPLOYEE, WORK_PERMIT,      us-l1a",
            "JP, US, LONG_TERM,                36, PARTNER,  DEPENDANT_PERMIT, us-l2-spouse",
            "JP, US, LONG_TERM,                36, CHILD,    DEPENDANT_PERMIT, us-l2-child",
            "IN, US, LOCAL_HIRE,               36, EMPLOYEE, WORK_PERMIT,      us-h1b",
            "IN, US, LOCAL_HIRE,               36, PARTNER,  DEPENDANT_PERMIT, us-h4-spouse",
            "IN, GB, LONG_TERM,                24, EMPLOYEE, WORK_PERMIT,      gb-senior-specialist-worker",
            "IN, GB, LONG_TERM,                24, CHILD,    DEPENDANT_PERMIT, gb-senior-specialist-worker-child",
            "IN, GB, LOCAL_HIRE,               24, EMPLOYEE, WORK_PERMIT,      gb-skilled-worker",
            "DE, GB, SHORT_TERM,                6, EMPLOYEE, WORK_PERMIT,      gb-senior-specialist-worker",
            "IN, SG, LONG_TERM,                24, EMPLOYEE, WORK_PERMIT,      sg-employment-pass",
            "IN, SG, LONG_TERM,                24, PARTNER,  DEPENDANT_PERMIT, sg-dependants-pass-partner",
            "IN, CA, LONG_TERM,                24, EMPLOYEE, WORK_PERMIT,      ca-ict-work-permit",
            "IN, CA, LOCAL_HIRE,               24, EMPLOYEE, WORK_PERMIT,      ca-lmia-work-permit",
            "IN, CA, LONG_TERM,                24, CHILD,    VISITOR,          ca-accompanying-child",
            "IN, AU, LONG_TERM,                24, EMPLOYEE, WORK_PERMIT,      au-subclass-482",
            "IN, AU, LONG_TERM,                24, PARTNER,  DEPENDANT_PERMIT, au-subclass-482-partner",
            "IN, AU, SHORT_TERM,                2, PARTNER,  VISITOR,          au-visitor",
            "IN, JP, LONG_TERM,                24, EMPLOYEE, WORK_PERMIT,      jp-ict",
            "IN, JP, LOCAL_HIRE,               24, EMPLOYEE, WORK_PERMIT,      jp-engineer-humanities",
            "IN, JP, LONG_TERM,                24, CHILD,    DEPENDANT_PERMIT, jp-dependent-child",
            "IN, AE, LONG_TERM,                24, EMPLOYEE, WORK_PERMIT,      ae-employment-residence",
            "IN, AE, SHORT_TERM,                2, EMPLOYEE, WORK_PERMIT,      ae-mission-work-permit",
            "IN, AE, LONG_TERM,                24, PARTNER,  DEPENDANT_PERMIT, ae-family-residence-partner"})
    void requirementPerTraveller(String nationality, String host, String type, int months, Relationship relationship,
                                 Category category, String permitCode) {
        PermitRequirement requirement = catalogue.requirementFor(nationality, host, type, months, relationship);

        assertThat(requirement.category()).isEqualTo(category);
        assertThat(requirement.permitCode()).isEqualTo(permitCode);
        assertThat(requirement.relationship()).isEqualTo(relationship);
        assertThat(requirement.hostCountry()).isEqualTo(host);
        assertThat(requirement.permitRequired()).isEqualTo(category != Category.NONE);
    }

    @ParameterizedTest(name = "{0} {4} to {1}, {2} {3} months: {5}")
    @CsvSource({
            // the ICT card needs more than 90 days and allows at most 3 years; 12 months changes nothing
            "IN, DE, SHORT_TERM,                3, EMPLOYEE, REFER_TO_COUNSEL",
            "IN, DE, SHORT_TERM,                4, EMPLOYEE, de-ict-card",
            "IN, DE, SHORT_TERM,               12, EMPLOYEE, de-ict-card",
            "IN, DE, LONG_TERM,                12, EMPLOYEE, de-ict-card",
            "IN, DE, LONG_TERM,                13, EMPLOYEE, de-ict-card",
            "IN, DE, LONG_TERM,                36, EMPLOYEE, de-ict-card",
            "IN, DE, LONG_TERM,                37, EMPLOYEE, de-eu-blue-card",
            "IN, DE, SHORT_TERM,                3, PARTNER,  REFER_TO_COUNSEL",
            "IN, DE, SHORT_TERM,                4, PARTNER,  de-family-reunification-partner",
            "IN, FR, LONG_TERM,                36, PARTNER,  fr-ict-family-partner",
            "IN, FR, LONG_TERM,                37, PARTNER,  fr-talent-passport-family-partner",
            // Senior or Specialist Worker: at most 5 years, then Skilled Worker
            "IN, GB, SHORT_TERM,               12, EMPLOYEE, gb-senior-specialist-worker",
            "IN, GB, LONG_TERM,                12, EMPLOYEE, gb-senior-specialist-worker",
            "IN, GB, LONG_TERM,                60, EMPLOYEE, gb-senior-specialist-worker",
            "IN, GB, LONG_TERM,                61, EMPLOYEE, gb-skilled-worker",
            "IN, GB, LONG_TERM,                61, PARTNER,  gb-skilled-worker-partner",
            // Ireland: Atypical Working Scheme up to 90 days, ICT permit up to 5 years
            "IN, IE, SHORT_TERM,                3, EMPLOYEE, ie-atypical-working-scheme",
            "IN, IE, SHORT_TERM,                4, EMPLOYEE, ie-ict",
            "IN, IE, SHORT_TERM,               12, EMPLOYEE, ie-ict",
            "IN, IE, LONG_TERM,                60, EMPLOYEE, ie-ict",
            "IN, IE, LONG_TERM,                61, EMPLOYEE, ie-critical-skills",
            "IN, IE, SHORT_TERM,                3, PARTNER,  ie-visitor",
            "IN, IE, SHORT_TERM,                4, PARTNER,  ie-join-family-partner",
            // Australia: subclass 400 up to 3 months, then 482
            "IN, AU, SHORT_TERM,                3, EMPLOYEE, au-subclass-400",
            "IN, AU, SHORT_TERM,                4, EMPLOYEE, au-subclass-482",
            // Canada: spousal open work permit only with at least 16 months
            "IN, CA, LONG_TERM,                15, PARTNER,  ca-accompanying-partner-visitor",
            "IN, CA, LONG_TERM,                16, PARTNER,  ca-spousal-open-work-permit",
            // visitor limits: 90 days in Schengen, 6 months in the UK
            "US, DE, EXTENDED_BUSINESS_TRAVELLER,  3, EMPLOYEE, de-schengen-business-visitor",
            "US, DE, EXTENDED_BUSINESS_TRAVELLER,  4, EMPLOYEE, REFER_TO_COUNSEL",
            "US, GB, EXTENDED_BUSINESS_TRAVELLER,  6, EMPLOYEE, gb-standard-visitor",
            "US, GB, EXTENDED_BUSINESS_TRAVELLER,  7, EMPLOYEE, REFER_TO_COUNSEL"})
    void durationBoundaries(String nationality, String host, String type, int months, Relationship relationship,
                            String permitCode) {
        assertThat(catalogue.requirementFor(nationality, host, type, months, relationship).permitCode())
                .isEqualTo(permitCode);
    }

    @Test
    void everyHostCountryHasAnEmployeeWorkPermitAndADependantPermit() {
        assertThat(catalogue.hostCountries()).containsExactlyInAnyOrderElementsOf(HOSTS);
        for (String host : HOSTS) {
            List<Entry> rows = catalogue.entries().stream().filter(e -> e.hostCountry().equals(host)).toList();
            assertThat(rows).as(host + " employee work permit")
                    .anyMatch(e -> e.category() == Category.WORK_PERMIT && e.relationships().contains(Relationship.EMPLOYEE));
            assertThat(rows).as(host + " dependant permit")
                    .anyMatch(e -> e.category() == Category.DEPENDANT_PERMIT);
            assertThat(rows).as(host + " business visitor")
                    .anyMatch(e -> e.category() == Category.BUSINESS_VISITOR);
        }
    }

    @Test
    void everyRowHasAnOfficialSourceAndAReviewDate() {
        assertThat(catalogue.entries()).hasSizeGreaterThanOrEqualTo(HOSTS.size() * 5);
        for (Entry e : catalogue.entries()) {
            assertThat(e.source()).as(e.permitCode()).startsWith("https://");
            assertThat(e.lastReviewed()).as(e.permitCode()).isNotNull().isAfter(LocalDate.of(2025, 1, 1));
            assertThat(e.notes()).as(e.permitCode()).isNotBlank();
            if (e.category() == Category.WORK_PERMIT || e.category() == Category.DEPENDANT_PERMIT) {
                assertThat(e.documents()).as(e.permitCode()).contains("passport-copy");
                assertThat(e.processingDaysMin()).as(e.permitCode()).isNotNull();
            }
        }
    }

    /** Every combination the product's eligibility rules allow is answered by a catalogue row, never by the fallback. */
    @Test
    void productAssignmentsAreCoveredForEveryHost() {
        Map<String, int[]> durations = Map.of(
                "SHORT_TERM", new int[]{1, 12}, "LONG_TERM", new int[]{12, 120},
                "PERMANENT_TRANSFER", new int[]{1, 120}, "LOCAL_HIRE", new int[]{1, 120},
                "EXTENDED_BUSINESS_TRAVELLER", new int[]{1, 3});
        List<String> gaps = new ArrayList<>();
        for (String host : HOSTS) {
            for (Map.Entry<String, int[]> type : durations.entrySet()) {
                for (int months = type.getValue()[0]; months <= type.getValue()[1]; months++) {
                    for (Relationship relationship : Relationship.values()) {
                        PermitRequirement r = catalogue.requirementFor("IN", host, type.getKey(), months, relationship);
                        if (PermitRequirement.BASIS_NOT_CATALOGUED.equals(r.basis())) {
                            gaps.add(host + " " + type.getKey() + " " + months + " " + relationship);
                        }
                    }
                }
            }
        }
        assertThat(gaps).isEmpty();
    }

    @Test
    void exemptionsNameTheirBasisAndSource() {
        PermitRequirement freeMovement = catalogue.requirementFor("FR", "DE", AssignmentType.LONG_TERM, 24, Relationship.EMPLOYEE);
        assertThat(freeMovement.basis()).isEqualTo("de-free-movement");
        assertThat(freeMovement.source()).startsWith("https://");
        assertThat(freeMovement.lastReviewed()).isEqualTo(LocalDate.of(2026, 11, 26));

        PermitRequirement commonTravelArea = catalogue.requirementFor("GB", "IE", AssignmentType.LONG_TERM, 24, Relationship.CHILD);
        assertThat(commonTravelArea.basis()).isEqualTo("ie-common-travel-area");

        PermitRequirement citizen = catalogue.requirementFor("JP", "JP", AssignmentType.LOCAL_HIRE, 24, Relationship.EMPLOYEE);
        assertThat(citizen.category()).isEqualTo(Category.NONE);
        assertThat(citizen.basis()).isEqualTo(PermitRequirement.BASIS_HOST_CITIZEN);
    }

    @Test
    void laterMatchingPermitsOfTheSameCategoryAreAlternatives() {
        PermitRequirement blueCard = catalogue.requirementFor("IN", "DE", AssignmentType.PERMANENT_TRANSFER, 48, Relationship.EMPLOYEE);
        assertThat(blueCard.permitCode()).isEqualTo("de-eu-blue-card");
        assertThat(blueCard.alternatives()).containsExactly("de-skilled-worker");
        assertThat(blueCard.dependantsAllowed()).isTrue();
        assertThat(blueCard.documents()).contains("passport-copy", "degree-certificate", "employment-contract");

        PermitRequirement ict = catalogue.requirementFor("IN", "DE", AssignmentType.LONG_TERM, 24, Relationship.EMPLOYEE);
        assertThat(ict.alternatives()).containsExactly("de-eu-blue-card", "de-skilled-worker");

        assertThat(catalogue.requirementFor("JP", "US", AssignmentType.LONG_TERM, 36, Relationship.EMPLOYEE).alternatives())
                .containsExactly("us-l1b");
    }

    @ParameterizedTest(name = "{0} {1} of a {2} employee in {3}: {4}")
    @CsvSource({
            "IN, PARTNER, FR, DE, REFER_TO_COUNSEL", // third-country spouse of an EU citizen: EU family rules
            "IN, CHILD,   US, US, REFER_TO_COUNSEL", // foreign child of a host citizen
            "IN, PARTNER, IN, DE, DEPENDANT_PERMIT", // ordinary family reunification
            "FR, PARTNER, IN, DE, NONE",             // the partner is exempt in their own right
            "IN, PARTNER, ,   DE, DEPENDANT_PERMIT"}) // employee's nationality not given
    void familyOfAnEmployeeWhoNeedsNoPermit(String nationality, Relationship relationship, String employeeNationality,
                                            String host, Category category) {
        PermitRequirement r = catalogue.requirementFor(nationality, host, "LONG_TERM", 24, relationship, employeeNationality);
        assertThat(r.category()).isEqualTo(category);
        if (category == Category.REFER_TO_COUNSEL) {
            assertThat(r.basis()).isEqualTo(PermitRequirement.BASIS_DEPENDANT_OF_EXEMPT_EMPLOYEE);
            assertThat(r.notes()).contains(employeeNationality, nationality);
        }
    }

    @Test
    void aHostCountryOutsideTheCatalogueIsReferredToCounsel() {
        PermitRequirement r = catalogue.requirementFor("IN", "BR", AssignmentType.LONG_TERM, 24, Relationship.EMPLOYEE);
        assertThat(r.category()).isEqualTo(Category.REFER_TO_COUNSEL);
        assertThat(r.permitCode()).isEqualTo(PermitRequirement.REFER_TO_COUNSEL);
        assertThat(r.basis()).isEqualTo(PermitRequirement.BASIS_NOT_CATALOGUED);
        assertThat(r.notes()).contains("BR");
        assertThat(r.permitRequired()).isTrue();
        assertThat(r.referToCounsel()).isTrue();
    }

    @ParameterizedTest(name = "{0}/{1}/{2}/{3}/{4}: {5}")
    @CsvSource(nullValues = "null", value = {
            "XX,   DE, LONG_TERM,   24, IN,   nationality",
            "in,   DE, LONG_TERM,   24, IN,   nationality",
            "null, DE, LONG_TERM,   24, IN,   nationality",
            "IN,   UK, LONG_TERM,   24, IN,   hostCountry",
            "IN,   ZZ, LONG_TERM,   24, IN,   hostCountry",
            "IN,   DE, SABBATICAL,  24, IN,   assignmentType",
            "IN,   DE, null,        24, IN,   assignmentType",
            "IN,   DE, LONG_TERM,    0, IN,   durationMonths",
            "IN,   DE, LONG_TERM,   24, EU,   employeeNationality"})
    void badInputIsRejectedNamingTheField(String nationality, String host, String type, int months,
                                          String employeeNationality, String field) {
        assertThatThrownBy(() -> catalogue.requirementFor(nationality, host, type, months, Relationship.PARTNER, employeeNationality))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(field + " must");
    }

    @Test
    void missingRelationshipOrAssignmentTypeIsRejected() {
        assertThatThrownBy(() -> catalogue.requirementFor("IN", "DE", "LONG_TERM", 24, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("relationship is required");
        assertThatThrownBy(() -> catalogue.requirementFor("IN", "DE", (AssignmentType) null, 24, Relationship.EMPLOYEE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("assignmentType is required");
    }

    // --- loading inline files ---

    static final String HEADER = String.join(",", PermitCatalogue.COLUMNS);

    static Map<String, String> validRow() {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("host_country", "DE");
        row.put("permit_code", "de-test-permit");
        row.put("permit_name", "Test permit");
        row.put("category", "WORK_PERMIT");
        row.put("relationships", "EMPLOYEE");
        row.put("assignment_types", "LONG_TERM;LOCAL_HIRE");
        row.put("min_months", "4");
        row.put("max_months", "36");
        row.put("nationalities", "*");
        row.put("processing_days_min", "30");
        row.put("processing_days_max", "90");
        row.put("documents", "passport-copy;cv");
        row.put("dependants_allowed", "true");
        row.put("source", "https://www.make-it-in-germany.com/en/");
        row.put("last_reviewed", "2026-11-26");
        row.put("notes", "\"Quoted, with a comma and a \"\"quote\"\"\"");
        return row;
    }

    static PermitCatalogue inline(String csv) {
        return new PermitCatalogue(new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8), "inline catalogue"));
    }

    static String csvWith(String column, String value) {
        Map<String, String> row = validRow();
        row.put(column, value);
        return "# a comment\n" + HEADER + "\n" + String.join(",", row.values()) + "\n";
    }

    @Test
    void aValidInlineCatalogueLoads() {
        PermitCatalogue small = inline(csvWith("notes", "\"Quoted, with a comma and a \"\"quote\"\"\""));
        assertThat(small.entries()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.notes()).isEqualTo("Quoted, with a comma and a \"quote\"");
            assertThat(e.assignmentTypes()).containsExactly("LONG_TERM", "LOCAL_HIRE");
            assertThat(e.maxMonths()).isEqualTo(36);
        });
        assertThat(small.requirementFor("IN", "DE", "LONG_TERM", 4, Relationship.EMPLOYEE).permitCode())
                .isEqualTo("de-test-permit");
        assertThat(small.requirementFor("IN", "DE", "LONG_TERM", 37, Relationship.EMPLOYEE).basis())
                .isEqualTo(PermitRequirement.BASIS_NOT_CATALOGUED);
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "host_country        | XX                | line 3, column host_country: 'XX' is not an ISO 3166-1 alpha-2 country code",
            "host_country        | de                | line 3, column host_country: 'de' is not an ISO 3166-1 alpha-2",
            "permit_code         | nl-test-permit    | line 3, column permit_code: 'nl-test-permit' must start with 'de-'",
            "permit_code         | de_Test           | line 3, column permit_code: 'de_Test' must be kebab-case",
            "category            | PERMIT            | line 3, column category: 'PERMIT' must be one of",
            "relationships       | SPOUSE            | line 3, column relationships: 'SPOUSE' must be one of",
            "assignment_types    | SABBATICAL        | line 3, column assignment_types: 'SABBATICAL' must be",
            "min_months          | 0                 | line 3, column min_months: must be at least 1",
            "max_months          | 3                 | line 3, column max_months: 3 is less than min_months 4",
            "max_months          | twelve            | line 3, column max_months: 'twelve' is not a whole number",
            "nationalities       | EU                | line 3, column nationalities: 'EU' is neither",
            "processing_days_max | 10                | line 3, column processing_days_max: 10 is less than processing_days_min 30",
            "documents           | \"\"                | line 3, column documents: is required",
            "dependants_allowed  | yes               | line 3, column dependants_allowed: must be true or false",
            "source              | \"\"                | line 3, column source: is required",
            "source              | http://example.org| line 3, column source: 'http://example.org' must be an https URL",
            "last_reviewed       | \"\"                | line 3, column last_reviewed: is required",
            "last_reviewed       | 26.11.2026        | line 3, column last_reviewed: '26.11.2026' must be a date"})
    void badContentIsRejectedNamingLineAndColumn(String column, String value, String message) {
        assertThatThrownBy(() -> inline(csvWith(column, value)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Byte array resource [inline catalogue]: invalid permit catalogue")
                .hasMessageContaining(message);
    }

    @Test
    void structuralProblemsAreRejected() {
        String row = String.join(",", validRow().values());
        assertThatThrownBy(() -> inline(HEADER + ",colour\n" + row + ",red\n"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("line 1: unknown column 'colour'");
        assertThatThrownBy(() -> inline(HEADER.replace(",notes", "") + "\n" + row + "\n"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("line 1: missing column 'notes'");
        assertThatThrownBy(() -> inline(HEADER + "\n" + row + ",extra\n"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("line 2: has 17 fields, the header has 16");
        assertThatThrownBy(() -> inline(HEADER + "\n" + row + "\n" + row + "\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line 3, column permit_code: 'de-test-permit' is already used on line 2");
        assertThatThrownBy(() -> inline(HEADER + "\n" + row.replace("\"Quoted", "\"Unterminated").replace("\"\"\"", "") + "\n"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("line 2: unterminated quoted field");
        assertThatThrownBy(() -> inline("# only comments\n\n"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no header row");
        assertThatThrownBy(() -> inline(HEADER + "\n"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no data rows");
    }

    @Test
    void anExemptionRowMustNameItsNationalities() {
        Map<String, String> row = validRow();
        row.put("category", "NONE");
        row.put("relationships", "EMPLOYEE;PARTNER");
        row.put("documents", "");
        row.put("dependants_allowed", "");
        assertThatThrownBy(() -> inline(HEADER + "\n" + String.join(",", row.values()) + "\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line 2, column nationalities: a NONE (exemption) row must list nationalities");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Map<String, String> row = validRow();
        row.put("host_country", "XX");
        row.put("source", "");
        row.put("last_reviewed", "");
        assertThatThrownBy(() -> inline(HEADER + "\n" + String.join(",", row.values()) + "\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("3 problem(s)")
                .hasMessageContaining("column host_country")
                .hasMessageContaining("column source")
                .hasMessageContaining("column last_reviewed");
    }

    @Test
    void springBuildsItFromTheConfiguredLocation() throws Exception {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test",
                    Map.of(PermitCatalogue.LOCATION_PROPERTY, shippedCatalogue().getURL().toString())));
            context.register(PermitCatalogue.class);
            context.refresh();
            assertThat(context.getBean(PermitCatalogue.class).hostCountries()).containsExactlyInAnyOrderElementsOf(HOSTS);
        }
    }

    @Test
    void aMissingFileIsAClearError() {
        assertThatThrownBy(() -> new PermitCatalogue(new FileSystemResource("does-not-exist/immigration-permits.csv")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Permit catalogue not found")
                .hasMessageContaining(PermitCatalogue.LOCATION_PROPERTY);
    }
}
