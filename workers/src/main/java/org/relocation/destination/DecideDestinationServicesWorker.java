package org.relocation.destination;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Topic decide-destination-services: evaluates the services policy and hands the process the service items to order
 * ({@value #SERVICES}, comma-separated service codes, per-traveller ones with the traveller id: no personal data).
 */
@Component
class DecideDestinationServicesWorker extends CaseWorker {

    static final String SERVICES = "destinationServices";

    private final DestinationServices services;

    DecideDestinationServicesWorker(DestinationServices services) {
        this.services = services;
    }

    @Override
    public String topic() {
        return "decide-destination-services";
    }

    @Override
    public List<String> outputVariables() {
        return List.of(SERVICES);
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        return Map.of(SERVICES, String.join(",", services.decide(task.caseId())));
    }
}
