package org.relocation.closure;

import org.relocation.notification.NotificationService;
import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.CaseStatus;
import org.relocation.relocationcase.RelocationCase;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;

/**
 * Topic record-case-outcome: a case that ends early (INELIGIBLE, REJECTED, CANCELLED, from the task's
 * local input variable "outcome") gets its final status, and employee and manager are told.
 */
@Component
class RecordCaseOutcomeWorker extends CaseWorker {

    private static final Map<String, String> REASONS = Map.of(
            "INELIGIBLE", "Not eligible under the relocation policy",
            "REJECTED", "Relocation not approved",
            "CANCELLED", "Move cancelled after the work permit was refused");

    private final CaseService cases;
    private final NotificationService notifications;

    RecordCaseOutcomeWorker(CaseService cases, NotificationService notifications) {
        this.cases = cases;
        this.notifications = notifications;
    }

    @Override
    public String topic() {
        return "record-case-outcome";
    }

    @Override
    public List<String> inputVariables() {
        return List.of("outcome");
    }

    @Override
    @Transactional
    protected Map<String, Object> work(CaseTask task) {
        String outcome = task.requiredString("outcome");
        if (!REASONS.containsKey(outcome)) {
            throw new IllegalStateException("Unknown outcome '" + outcome + "'; expected one of " + REASONS.keySet());
        }
        RelocationCase c = cases.finish(task.caseId(), CaseStatus.valueOf(outcome), REASONS.get(outcome));
        notifications.notifyEmployeeAndManager(c, "case-" + outcome.toLowerCase(),
                "Relocation case " + c.getCaseNumber() + ": " + REASONS.get(outcome),
                "Relocation case " + c.getCaseNumber() + " has ended: " + REASONS.get(outcome)
                        + ".\nYour Global Mobility specialist will contact you about next steps.");
        return Map.of();
    }
}
