package org.relocation.closure;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Topic summarise-final-costs: records the case's final cost (actual vendor costs where known, else the estimate). */
@Component
class SummariseFinalCostsWorker extends CaseWorker {

    private final FinalCostCalculator calculator;

    SummariseFinalCostsWorker(FinalCostCalculator calculator) {
        this.calculator = calculator;
    }

    @Override
    public String topic() {
        return "summarise-final-costs";
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        calculator.summarise(task.caseId());
        return Map.of();
    }
}
