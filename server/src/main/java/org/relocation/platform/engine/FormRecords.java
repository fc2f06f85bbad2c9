package org.relocation.platform.engine;

import org.relocation.audit.DecisionKind;
import org.relocation.audit.DecisionLog;
import org.relocation.policyexception.PolicyExceptionService;
import org.relocation.relocationcase.CaseService;
import java.util.LinkedHashMap;
import java.util.List;

import org.relocation.approval.ApprovalService;
import org.relocation.immigration.ImmigrationService;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Map;

/**
 * Moves what people entered in a task form into the case records: approval decisions, passport data,
 * document reviews and right-to-work checks. Runs inside the engine transaction of the completion.
 */
@Component
class FormRecords {

    private final ApprovalService approvals;
    private final ImmigrationService immigration;
    private final PolicyExceptionService exceptions;
    private final CaseService cases;
    private final DecisionLog log;

    FormRecords(ApprovalService approvals, ImmigrationService immigration, PolicyExceptionService exceptions, CaseService cases,
                DecisionLog log) {
        this.approvals = approvals;
        this.immigration = immigration;
        this.exceptions = exceptions;
        this.cases = cases;
        this.log = log;
    }

    void record(Long caseId, String taskKey, Map<String, Object> form, String actor) {
        switch (taskKey) {
            case "approve-relocation" -> approvals.record(caseId, "manager", str(form, "managerDecision"), str(form, "managerComment"), actor);
            case "approve-budget" -> approvals.record(caseId, "finance", str(form, "financeDecision"), str(form, "financeComment"), actor);
            case "approve-transfer" -> approvals.record(caseId, "second-level", str(form, "secondLevelDecision"), str(form, "secondLevelComment"), actor);
            case "approve-policy-exception" -> exceptions.decide(Long.valueOf(str(form, EXCEPTION_ID)),
                    "approve".equals(str(form, "exceptionDecision")), str(form, "exceptionComment"), actor);
            case "revise-intake" -> revise(caseId, form, actor);
            case "provide-immigration-documents" -> immigration.documentsProvided(caseId, str(form, "pd_passportNumber"), date(form, "pd_passportExpiry"));
            case "validate-immigration-documents" -> immigration.documentsReviewed(caseId, "valid".equals(str(form, "documentsDecision")), str(form, "validationComment"));
            case "arrange-posted-worker-formalities" -> immigration.postingArranged(caseId, str(form, "pd_a1Reference"),
                    date(form, "a1ValidUntil"), str(form, "postingDeclarationReference"));
            case "confirm-arrival" -> immigration.recordRightToWork(caseId, str(form, "rtwDocumentType"), str(form, "pd_rtwDocumentReference"),
                    date(form, "rtwCheckDate"), actor, str(form, "rtwCheckMethod"), date(form, "rtwNextCheckDate"));
            default -> {
                // other forms carry no personal data and live on as process history
            }
        }
    }

    /** The task-local variable of an exception approval: which exception the HR lead decided. */
    static final String EXCEPTION_ID = "exceptionId";

    private void revise(Long caseId, Map<String, Object> form, String actor) {
        List<String> changed = cases.revise(caseId, IntakeForm.revision(form));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("changed", changed);
        details.put("note", str(form, "revisionNote"));
        log.append(caseId, DecisionKind.CASE_CHANGE, "revise-intake",
                "Intake revised after a send-back: " + (changed.isEmpty() ? "nothing changed" : String.join(", ", changed)), details, actor);
    }

    private static String str(Map<String, Object> form, String key) {
        Object v = form.get(key);
        return v == null ? null : v.toString();
    }

    private static LocalDate date(Map<String, Object> form, String key) {
        String s = str(form, key);
        return s == null || s.isBlank() ? null : LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    }
}
