package org.relocation.closure;

import org.relocation.estimate.CostEstimate;
import org.relocation.estimate.CostEstimateLine;
import org.relocation.estimate.CostEstimator;
import org.relocation.fx.ExchangeRateService;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.Money;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.vendor.ServiceOrder;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.VendorService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.money.Monetary;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The final cost of a case in its budget currency: each line of the latest estimate version, replaced by the actual
 * cost vendors reported for its category where they did (converted at the rates in effect on the closing day).
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
    private final ExchangeRateService rates;
    private final Clock clock;

    FinalCostCalculator(CaseService cases, CostEstimator estimator, VendorService vendors, ExchangeRateService rates, Clock clock) {
        this.cases = cases;
        this.estimator = estimator;
        this.vendors = vendors;
        this.rates = rates;
        this.clock = clock;
    }

    @Transactional
    public Money summarise(Long caseId) {
        RelocationCase c = cases.get(caseId);
        Currency currency = c.budget().currency();
        LocalDate on = LocalDate.now(clock);
        Map<String, Money> byCategory = new HashMap<>();
        for (CostEstimateLine line : estimator.latest(caseId).map(CostEstimate::getLines).orElse(List.of())) {
            byCategory.merge(line.getCategory(), convert(line.money(), currency, on), Money::plus);
        }
        Map<String, Money> actual = new HashMap<>();
        List<ServiceOrder> orders = vendors.orders(caseId);
        for (ServiceOrder order : orders) {
            String category = CATEGORY.get(order.getServiceType());
            if (category != null && order.getCostAmount() != null) {
                actual.merge(category, convert(Money.of(order.getCostAmount(), order.getCostCurrency()), currency, on), Money::plus);
            }
        }
        byCategory.putAll(actual);
        Money total = byCategory.values().stream().reduce(Money.zero(currency), Money::plus);
        cases.recordFinalCost(caseId, total);
        return total;
    }

    private Money convert(Money money, Currency to, LocalDate on) {
        if (money.currency().equals(to)) {
            return money;
        }
        return new Money(rates.convert(money.amount(), money.currency().getCurrencyCode(), Monetary.getCurrency(to.getCurrencyCode()), on), to);
    }
}
