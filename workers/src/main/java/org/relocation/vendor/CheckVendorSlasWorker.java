package org.relocation.vendor;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Topic check-vendor-slas (process relocation-vendor-sla-watch, started by its timer on one node of the cluster):
 * reminds vendors past an SLA deadline and escalates those still silent after the grace ({@link VendorSlas#check}), at
 * the engine's time handed in as the task's input {@value #CHECK_AT} (ISO 8601 instant).
 */
@Component
class CheckVendorSlasWorker extends CaseWorker {

    static final String CHECK_AT = "slaCheckAt";

    private final VendorSlas slas;

    CheckVendorSlasWorker(VendorSlas slas) {
        this.slas = slas;
    }

    @Override
    public String topic() {
        return "check-vendor-slas";
    }

    @Override
    public List<String> inputVariables() {
        return List.of(CHECK_AT);
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        slas.check(Instant.parse(task.requiredString(CHECK_AT)));
        return Map.of();
    }
}
