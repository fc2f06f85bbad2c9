package org.relocation.quote;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Topic expire-service-quotes (relocation-service-quotes): the wait for the item's quotes ran out; the quotes not
 * answered expire (later answers are refused); {@code serviceQuoteReceived}: whether one was received to choose from
 * (else the item is ordered without a quote).
 */
@Component
class ExpireServiceQuotesWorker extends CaseWorker {

    private final ServiceQuotes quotes;

    ExpireServiceQuotesWorker(ServiceQuotes quotes) {
        this.quotes = quotes;
    }

    @Override
    public String topic() {
        return "expire-service-quotes";
    }

    @Override
    public List<String> inputVariables() {
        return List.of(ServiceQuotes.ITEM_VARIABLE);
    }

    @Override
    public List<String> outputVariables() {
        return List.of(ServiceQuotes.RECEIVED_VARIABLE);
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        return Map.of(ServiceQuotes.RECEIVED_VARIABLE, quotes.expireOpen(task.caseId(), task.requiredString(ServiceQuotes.ITEM_VARIABLE)));
    }
}
