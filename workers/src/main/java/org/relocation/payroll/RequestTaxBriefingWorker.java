package org.relocation.payroll;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.VendorService;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Topic request-tax-briefing: asks the tax provider to brief the employee before the move. */
@Component
class RequestTaxBriefingWorker extends CaseWorker {

    private final VendorService vendors;

    RequestTaxBriefingWorker(VendorService vendors) {
        this.vendors = vendors;
    }

    @Override
    public String topic() {
        return "request-tax-briefing";
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        vendors.order(task.caseId(), ServiceType.TAX_BRIEFING, task.taskId(), "Departure and arrival tax briefing");
        return Map.of();
    }
}
