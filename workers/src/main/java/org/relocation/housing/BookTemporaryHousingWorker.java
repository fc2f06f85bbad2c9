package org.relocation.housing;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;

/**
 * Topic book-temporary-housing: with two or more housing vendors covering the host city, asks up to three for quotes
 * ({@code housingQuotes} true, and {@code housingQuoteWait}, the ISO-8601 wait for their answers, from
 * relocation.housing.quote-wait); otherwise orders the stay from the register's vendor, which confirms with a message.
 */
@Component
class BookTemporaryHousingWorker extends CaseWorker {

    private final HousingQuotes quotes;
    private final String quoteWait;

    BookTemporaryHousingWorker(HousingQuotes quotes, @Value("${relocation.housing.quote-wait:PT48H}") Duration quoteWait) {
        this.quotes = quotes;
        this.quoteWait = quoteWait.toString();
    }

    @Override
    public String topic() {
        return "book-temporary-housing";
    }

    @Override
    public java.util.List<String> outputVariables() {
        return java.util.List.of("housingQuotes", "housingQuoteWait");
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        int asked = quotes.book(task.caseId(), task.taskId());
        return Map.of("housingQuotes", asked > 0, "housingQuoteWait", quoteWait);
    }
}
