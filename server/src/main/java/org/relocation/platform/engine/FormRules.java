package org.relocation.platform.engine;

import org.relocation.immigration.ImmigrationService;
import org.relocation.relocationcase.CaseService;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Rules of a submission that the form schema cannot express: fields tied to one another, and rules against the case
 * records (documents cannot be declared valid while one is rejected or missing; a revised intake must stay valid).
 */
@Component
class FormRules {

    static final String START_FORM = "start-relocation";

    private final ImmigrationService immigration;
    private final CaseService cases;

    FormRules(ImmigrationService immigration, CaseService cases) {
        this.immigration = immigration;
        this.cases = cases;
    }

    /** Field → problem against the case records, for a task of the case. */
    Map<String, String> caseProblems(String formId, Long caseId, Map<String, Object> values) {
        if (caseId == null) {
            return Map.of();
        }
        if (formId.equals("revise-intake")) {
            return cases.revisionProblems(caseId, IntakeForm.revision(values));
        }
        if (formId.equals("validate-immigration-documents") && "valid".equals(values.get("documentsDecision"))) {
            List<String> open = immigration.documentsNotAcceptable(caseId);
            return open.isEmpty() ? Map.of() : Map.of("documentsDecision",
                    "documents rejected or missing: " + open + "; choose invalid to ask the employee for them again");
        }
        return Map.of();
    }

    /** Field → problem of a Tasklist start of the journey: the intake's own rules. */
    Map<String, String> intakeProblems(Map<String, Object> values) {
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        cases.intakeProblems(IntakeForm.toIntake(values)).forEach((field, problem) ->
                problems.putIfAbsent(PersonalData.INTAKE_PREFIX + field, problem));
        return problems;
    }

    /** Right-to-work documents whose permission ends: the check must be repeated. */
    private static final java.util.Set<Object> TIME_LIMITED_PERMISSION = java.util.Set.of("passport-with-visa", "residence-permit", "work-permit");

    /** Approval forms: the prefix of their decision and comment fields. */
    private static final Map<String, String> APPROVAL_COMMENTS = Map.of(
            "approve-relocation", "manager", "approve-budget", "finance", "approve-transfer", "secondLevel");

    /** Rules that tie one field to another, which form-js cannot express as field validation. */
    static Map<String, String> crossFieldProblems(String formId, Map<String, Object> values) {
        if (formId.equals("confirm-arrival") && TIME_LIMITED_PERMISSION.contains(values.get("rtwDocumentType"))) {
            Object next = values.get("rtwNextCheckDate");
            if (!(next instanceof String s) || s.isBlank()) {
                return Map.of("rtwNextCheckDate", "is required for time-limited permission (" + values.get("rtwDocumentType") + ")");
            }
            Object checked = values.get("rtwCheckDate");
            if (FormSchemas.isDate(s) && checked instanceof String c && FormSchemas.isDate(c)
                    && !java.time.LocalDate.parse(s.substring(0, 10)).isAfter(java.time.LocalDate.parse(c.substring(0, 10)))) {
                return Map.of("rtwNextCheckDate", "must be after the check date");
            }
        }
        String decisionField = APPROVAL_COMMENTS.get(formId);
        if (decisionField != null) {
            Object decision = values.get(decisionField + "Decision");
            Object comment = values.get(decisionField + "Comment");
            if (("reject".equals(decision) || "send-back".equals(decision)) && (!(comment instanceof String c) || c.isBlank())) {
                return Map.of(decisionField + "Comment", "is required to " + ("reject".equals(decision) ? "reject" : "send the case back")
                        + ": say why, or what must change");
            }
        }
        if (formId.equals("decide-start-date") && "move".equals(values.get("startDateDecision"))) {
            Object date = values.get("newStartDate");
            if (!(date instanceof String s) || s.isBlank()) {
                return Map.of("newStartDate", "is required to move the start date");
            }
            if (!FormSchemas.isDate(s)) {
                return Map.of("newStartDate", "must be a date (yyyy-mm-dd)");
            }
            if (!java.time.LocalDate.parse(s.substring(0, 10)).isAfter(java.time.LocalDate.now(java.time.ZoneOffset.UTC))) {
                return Map.of("newStartDate", "must lie in the future");
            }
        }
        return Map.of();
    }

}
