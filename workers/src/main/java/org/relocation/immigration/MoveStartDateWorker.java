package org.relocation.immigration;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Topic move-start-date: the specialist's new start date; dependent dates re-planned, the watch re-armed. */
@Component
class MoveStartDateWorker extends CaseWorker {

    private final StartDateRisk risk;

    MoveStartDateWorker(StartDateRisk risk) {
        this.risk = risk;
    }

    @Override
    public String topic() {
        return "move-start-date";
    }

    @Override
    public List<String> inputVariables() {
        return List.of("newStartDate");
    }

    @Override
    public List<String> outputVariables() {
        return List.of("startDateRiskAt");
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        String date = task.requiredString("newStartDate");
        return Map.of("startDateRiskAt", risk.moveStartDate(task.caseId(), LocalDate.parse(date.length() > 10 ? date.substring(0, 10) : date)));
    }
}
