package org.relocation.destination;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** Topic order-destination-service: orders one service item (the multi-instance element) from its vendor. */
@Component
class OrderDestinationServiceWorker extends CaseWorker {

    static final String SERVICE = "destinationService";

    private final DestinationServices services;

    OrderDestinationServiceWorker(DestinationServices services) {
        this.services = services;
    }

    @Override
    public String topic() {
        return "order-destination-service";
    }

    @Override
    public List<String> inputVariables() {
        return List.of(SERVICE);
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        services.order(task.caseId(), task.requiredString(SERVICE), task.taskId());
        return Map.of();
    }
}
