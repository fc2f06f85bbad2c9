package org.relocation.payroll;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.relocation.tax.TaxProviderOrders;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Topic request-tax-briefing: hands the case to the tax provider's services, process relocation-tax-services (the
 * briefing awaited with an SLA, then the home and host tax returns with their filing deadlines), started once per case.
 */
@Component
class RequestTaxBriefingWorker extends CaseWorker {

    private final TaxProviderOrders tax;

    RequestTaxBriefingWorker(TaxProviderOrders tax) {
        this.tax = tax;
    }

    @Override
    public String topic() {
        return "request-tax-briefing";
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        tax.requested(task.caseId());
        return Map.of();
    }
}
