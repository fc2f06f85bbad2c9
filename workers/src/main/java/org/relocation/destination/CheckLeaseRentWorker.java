package org.relocation.destination;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Topic check-lease-rent: holds the recorded lease's rent against the housing cap; within it the lease is accepted
 * (its end a key date), above it a policy exception is asked. Sets {@value #WITHIN_CAP}.
 */
@Component
class CheckLeaseRentWorker extends CaseWorker {

    static final String WITHIN_CAP = "leaseWithinCap";

    private final LeaseService leases;

    CheckLeaseRentWorker(LeaseService leases) {
        this.leases = leases;
    }

    @Override
    public String topic() {
        return "check-lease-rent";
    }

    @Override
    public List<String> outputVariables() {
        return List.of(WITHIN_CAP);
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        return Map.of(WITHIN_CAP, leases.checkRent(task.caseId()));
    }
}
