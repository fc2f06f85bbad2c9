package org.relocation.estimate;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Topic estimate-relocation-cost: writes the estimate lines and tells approval whether the budget is exceeded. */
@Component
class EstimateRelocationCostWorker extends CaseWorker {

    private final CostEstimator estimator;

    EstimateRelocationCostWorker(CostEstimator estimator) {
        this.estimator = estimator;
    }

    @Override
    public String topic() {
        return "estimate-relocation-cost";
    }

    @Override
    public java.util.List<String> outputVariables() {
        return java.util.List.of("estimateExceedsBudget");
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        return Map.of("estimateExceedsBudget", estimator.estimate(task.caseId()));
    }
}
