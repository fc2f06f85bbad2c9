package org.relocation.housing;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Topic order-housing-without-quotes: every quote was declined or left unanswered; the stay is ordered without a quote
 * from the first vendor asked that did not decline (or the configured endpoint), which confirms with a message.
 */
@Component
class OrderHousingWithoutQuotesWorker extends CaseWorker {

    private final HousingQuotes quotes;

    OrderHousingWithoutQuotesWorker(HousingQuotes quotes) {
        this.quotes = quotes;
    }

    @Override
    public String topic() {
        return "order-housing-without-quotes";
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        quotes.orderWithoutQuotes(task.caseId(), task.taskId());
        return Map.of();
    }
}
