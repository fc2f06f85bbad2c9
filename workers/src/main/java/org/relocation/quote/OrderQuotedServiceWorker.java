package org.relocation.quote;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Topic order-quoted-service (relocation-service-quotes): orders the item from the vendor of the chosen quote, carrying
 * the quote, and tells the others; with no quote received (none chosen), orders it without one from the first vendor
 * asked that did not decline. Either way the vendor confirms with the service's message, which the calling process awaits.
 */
@Component
class OrderQuotedServiceWorker extends CaseWorker {

    private final ServiceQuotes quotes;

    OrderQuotedServiceWorker(ServiceQuotes quotes) {
        this.quotes = quotes;
    }

    @Override
    public String topic() {
        return "order-quoted-service";
    }

    @Override
    public List<String> inputVariables() {
        return List.of(ServiceQuotes.ITEM_VARIABLE);
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        String item = task.requiredString(ServiceQuotes.ITEM_VARIABLE);
        if (quotes.chosen(task.caseId(), item).isPresent()) {
            quotes.orderChosen(task.caseId(), item, task.taskId());
        } else {
            quotes.orderWithoutQuotes(task.caseId(), item, task.taskId());
        }
        return Map.of();
    }
}
