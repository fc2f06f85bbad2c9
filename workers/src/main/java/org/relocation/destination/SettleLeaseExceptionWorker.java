package org.relocation.destination;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Topic settle-lease-exception: reads the HR lead's decision on the lease's policy exception from the register;
 * approved, the lease is accepted (its end a key date), rejected, it is refused. Sets {@value #ACCEPTED}.
 */
@Component
class SettleLeaseExceptionWorker extends CaseWorker {

    static final String ACCEPTED = "leaseAccepted";

    private final LeaseService leases;

    SettleLeaseExceptionWorker(LeaseService leases) {
        this.leases = leases;
    }

    @Override
    public String topic() {
        return "settle-lease-exception";
    }

    @Override
    public List<String> outputVariables() {
        return List.of(ACCEPTED);
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        return Map.of(ACCEPTED, leases.settleException(task.caseId()));
    }
}
