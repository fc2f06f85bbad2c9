package org.relocation.immigration;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Topic alert-start-date-risk: permits still missing close to the start date; specialists and managers are told. */
@Component
class AlertStartDateRiskWorker extends CaseWorker {

    private final StartDateRisk risk;

    AlertStartDateRiskWorker(StartDateRisk risk) {
        this.risk = risk;
    }

    @Override
    public String topic() {
        return "alert-start-date-risk";
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        risk.alert(task.caseId());
        return Map.of();
    }
}
