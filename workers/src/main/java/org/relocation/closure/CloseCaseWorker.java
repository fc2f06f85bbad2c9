package org.relocation.closure;

import org.relocation.notification.NotificationService;
import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.CaseStatus;
import org.relocation.relocationcase.RelocationCase;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Map;

/** Topic close-case: the case is completed, and employee and manager are told. */
@Component
class CloseCaseWorker extends CaseWorker {

    private final CaseService cases;
    private final NotificationService notifications;

    CloseCaseWorker(CaseService cases, NotificationService notifications) {
        this.cases = cases;
        this.notifications = notifications;
    }

    @Override
    public String topic() {
        return "close-case";
    }

    @Override
    @Transactional
    protected Map<String, Object> work(CaseTask task) {
        RelocationCase c = cases.finish(task.caseId(), CaseStatus.COMPLETED, "Relocation completed");
        notifications.notifyEmployeeAndManager(c, "case-completed",
                "Relocation case " + c.getCaseNumber() + " completed",
                "Relocation case " + c.getCaseNumber() + " is complete. Final cost: " + c.finalCost() + ".\nWelcome to your new location!");
        return Map.of();
    }
}
