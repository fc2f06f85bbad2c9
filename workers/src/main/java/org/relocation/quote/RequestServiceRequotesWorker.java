package org.relocation.quote;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Topic request-service-requotes (relocation-service-quotes, started by a re-quote): asks the other vendors of the item
 * for quotes ({@code serviceQuotesAsked} true); with none left, orders the item without a quote from the configured
 * endpoint ({@code serviceQuotesAsked} false).
 */
@Component
class RequestServiceRequotesWorker extends CaseWorker {

    private final ServiceQuotes quotes;

    RequestServiceRequotesWorker(ServiceQuotes quotes) {
        this.quotes = quotes;
    }

    @Override
    public String topic() {
        return "request-service-requotes";
    }

    @Override
    public List<String> inputVariables() {
        return List.of(ServiceQuotes.ITEM_VARIABLE);
    }

    @Override
    public List<String> outputVariables() {
        return List.of("serviceQuotesAsked");
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        return Map.of("serviceQuotesAsked", quotes.requote(task.caseId(), task.requiredString(ServiceQuotes.ITEM_VARIABLE), task.taskId()));
    }
}
