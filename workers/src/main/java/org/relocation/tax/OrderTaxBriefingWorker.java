package org.relocation.tax;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Topic order-tax-briefing (process relocation-tax-services): orders the pre-departure briefing from the tax provider. */
@Component
class OrderTaxBriefingWorker extends CaseWorker {

    private final TaxProviderOrders orders;

    OrderTaxBriefingWorker(TaxProviderOrders orders) {
        this.orders = orders;
    }

    @Override
    public String topic() {
        return "order-tax-briefing";
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        orders.orderBriefing(task.caseId());
        return Map.of();
    }
}
