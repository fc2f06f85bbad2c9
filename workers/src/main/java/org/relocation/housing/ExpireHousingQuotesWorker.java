package org.relocation.housing;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Topic expire-housing-quotes: the wait for quotes ran out; the quotes not answered expire (later answers are refused);
 * {@code housingQuoteReceived}: whether one was received to choose from (else the stay is ordered without a quote).
 */
@Component
class ExpireHousingQuotesWorker extends CaseWorker {

    private final HousingQuotes quotes;

    ExpireHousingQuotesWorker(HousingQuotes quotes) {
        this.quotes = quotes;
    }

    @Override
    public String topic() {
        return "expire-housing-quotes";
    }

    @Override
    public java.util.List<String> outputVariables() {
        return java.util.List.of(HousingQuotes.RECEIVED_VARIABLE);
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        return Map.of(HousingQuotes.RECEIVED_VARIABLE, quotes.expireOpen(task.caseId()));
    }
}
