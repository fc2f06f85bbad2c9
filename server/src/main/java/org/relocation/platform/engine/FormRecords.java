package org.relocation.platform.engine;

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

    FormRecords(ApprovalService approvals, ImmigrationService immigration) {
        this.approvals = approvals;
        this.immigration = immigration;
    }

    void record(Long caseId, String taskKey, Map<String, Object> form, String actor) {
        switch (taskKey) {
            case "approve-relocation" -> approvals.record(caseId, "manager", str(form, "managerDecision"), str(form, "managerComment"), actor);
            case "approve-budget" -> approvals.record(caseId, "finance", str(form, "financeDecision"), str(form, "financeComment"), actor);
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

    private static String str(Map<String, Object> form, String key) {
        Object v = form.get(key);
        return v == null ? null : v.toString();
    }

    private static LocalDate date(Map<String, Object> form, String key) {
        String s = str(form, key);
        return s == null || s.isBlank() ? null : LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    }
}
