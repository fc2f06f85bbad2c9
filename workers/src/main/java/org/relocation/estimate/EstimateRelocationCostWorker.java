package org.relocation.estimate;

import org.relocation.audit.DecisionLog;
import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Topic estimate-relocation-cost: estimates the case (a new version when anything changed) and tells approval whether
 * the budget is exceeded. Input {@code estimateReason} (optional) says why.
 */
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
    public List<String> inputVariables() {
        return List.of("estimateReason");
    }

    @Override
    public List<String> outputVariables() {
        return List.of("estimateExceedsBudget");
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        String reason = task.optionalString("estimateReason").orElse("intake");
        return Map.of("estimateExceedsBudget", estimator.estimate(task.caseId(), reason, DecisionLog.SYSTEM).exceedsBudget());
    }
}
