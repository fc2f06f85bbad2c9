package org.relocation.housing;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Topic expire-housing-quotes: the wait for quotes ran out; the quotes not answered expire (later answers are refused). */
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
    protected Map<String, Object> work(CaseTask task) {
        quotes.expireOpen(task.caseId());
        return Map.of();
    }
}
