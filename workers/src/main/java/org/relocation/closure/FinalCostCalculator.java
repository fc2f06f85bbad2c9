package org.relocation.closure;

import org.relocation.estimate.CostEstimator;
import org.relocation.estimate.EstimateLine;
import org.relocation.estimate.ExchangeRates;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.Money;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.vendor.ServiceOrder;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.VendorService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The final cost of a case in its budget currency: each estimate category, replaced by the actual cost
 * vendors reported for it where they did (converted at the configured rates).
 */
@Service
class FinalCostCalculator {

    private static final Map<ServiceType, String> CATEGORY = Map.of(
            ServiceType.TEMPORARY_HOUSING, "temporary-housing",
            ServiceType.HOUSEHOLD_SHIPMENT, "household-goods",
            ServiceType.IMMIGRATION_COUNSEL, "immigration-fees");

    private final CaseService cases;
    private final CostEstimator estimator;
    private final VendorService vendors;
    private final ExchangeRates rates;

    FinalCostCalculator(CaseService cases, CostEstimator estimator, VendorService vendors, ExchangeRates rates) {
        this.cases = cases;
        this.estimator = estimator;
        this.vendors = vendors;
        this.rates = rates;
    }

    @Transactional
    public Money summarise(Long caseId) {
        RelocationCase c = cases.get(caseId);
        Currency currency = c.budget().currency();
        Map<String, Money> byCategory = new HashMap<>();
        for (EstimateLine line : estimator.lines(caseId)) {
            byCategory.put(line.getCategory(), rates.convert(line.money(), currency));
        }
        Map<String, Money> actual = new HashMap<>();
        List<ServiceOrder> orders = vendors.orders(caseId);
        for (ServiceOrder order : orders) {
            String category = CATEGORY.get(order.getServiceType());
            if (category != null && order.getCostAmount() != null) {
                Money cost = rates.convert(Money.of(order.getCostAmount(), order.getCostCurrency()), currency);
                actual.merge(category, cost, Money::plus);
            }
        }
        byCategory.putAll(actual);
        Money total = byCategory.values().stream().reduce(Money.zero(currency), Money::plus);
        cases.recordFinalCost(caseId, total);
        return total;
    }
}
