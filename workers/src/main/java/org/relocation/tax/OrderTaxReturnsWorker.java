package org.relocation.tax;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Topic order-tax-returns (process relocation-tax-services): orders the home and host returns of each tax year of the
 * assignment and registers their filing deadlines as key dates.
 */
@Component
class OrderTaxReturnsWorker extends CaseWorker {

    private final TaxProviderOrders orders;

    OrderTaxReturnsWorker(TaxProviderOrders orders) {
        this.orders = orders;
    }

    @Override
    public String topic() {
        return "order-tax-returns";
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        orders.orderReturns(task.caseId());
        return Map.of();
    }
}
