package org.relocation.housing;

import org.relocation.destination.DestinationServices;
import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Topic book-household-shipment: the household-goods move with the services policy's volume allowance, origin and
 * destination. Where the policy quotes it and two or more movers cover the host city, up to three are asked for quotes
 * ({@code shipmentQuotes} true; {@code serviceQuoteWait}, the ISO-8601 wait for their answers, from
 * relocation.quotes.wait) and relocation-service-quotes has the choice made; otherwise it is ordered from the
 * register's mover (and always where the model has no quote step: {@code quotesModelled} absent). The mover confirms
 * with a message.
 */
@Component
class BookHouseholdShipmentWorker extends CaseWorker {

    private final DestinationServices services;
    private final String quoteWait;

    BookHouseholdShipmentWorker(DestinationServices services, @Value("${relocation.quotes.wait:PT48H}") Duration quoteWait) {
        this.services = services;
        this.quoteWait = quoteWait.toString();
    }

    @Override
    public String topic() {
        return "book-household-shipment";
    }

    @Override
    public List<String> inputVariables() {
        return List.of(DestinationServices.QUOTES_MODELLED);
    }

    @Override
    public List<String> outputVariables() {
        return List.of("shipmentQuotes", "serviceQuoteWait");
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        boolean quoted = services.book(task.caseId(), DestinationServices.HOUSEHOLD_GOODS, task.taskId(), task.flag(DestinationServices.QUOTES_MODELLED));
        return Map.of("shipmentQuotes", quoted, "serviceQuoteWait", quoteWait);
    }
}
