package org.relocation.destination;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Topic order-destination-service: books one service item (the multi-instance element). Where the services policy
 * quotes the service and two or more vendors cover the host city, asks up to three for quotes ({@code serviceQuotes}
 * true and {@code serviceQuoteWait} from relocation.quotes.wait: the model declares both in each item's branch, so
 * branches never share them); otherwise orders it
 * from its vendor.
 */
@Component
class OrderDestinationServiceWorker extends CaseWorker {

    static final String SERVICE = "destinationService";

    private final DestinationServices services;
    private final String quoteWait;

    OrderDestinationServiceWorker(DestinationServices services, @Value("${relocation.quotes.wait:PT48H}") Duration quoteWait) {
        this.services = services;
        this.quoteWait = quoteWait.toString();
    }

    @Override
    public String topic() {
        return "order-destination-service";
    }

    @Override
    public List<String> inputVariables() {
        return List.of(SERVICE, DestinationServices.QUOTES_MODELLED);
    }

    @Override
    public List<String> outputVariables() {
        return List.of("serviceQuotes", "serviceQuoteWait");
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        boolean quoted = services.book(task.caseId(), task.requiredString(SERVICE), task.taskId(), task.flag(DestinationServices.QUOTES_MODELLED));
        return Map.of("serviceQuotes", quoted, "serviceQuoteWait", quoteWait);
    }
}
