package org.relocation.housing;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Topic order-chosen-housing: orders the stay from the vendor of the chosen quote; it confirms with a message. */
@Component
class OrderChosenHousingWorker extends CaseWorker {

    private final HousingQuotes quotes;

    OrderChosenHousingWorker(HousingQuotes quotes) {
        this.quotes = quotes;
    }

    @Override
    public String topic() {
        return "order-chosen-housing";
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        quotes.orderChosen(task.caseId(), task.taskId());
        return Map.of();
    }
}
