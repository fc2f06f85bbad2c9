package org.relocation.estimate;

import org.relocation.immigration.FreeMovement;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.Money;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.relocationcase.Traveller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Estimates what a move costs, line by line, in the case's budget currency, and whether it exceeds the
 * budget. Re-estimating replaces the lines, so a repeated call has one effect.
 */
@Service
public class CostEstimator {

    private final CaseService cases;
    private final EstimateLineRepository lines;
    private final EstimateProperties rates;
    private final ExchangeRates exchangeRates;

    CostEstimator(CaseService cases, EstimateLineRepository lines, EstimateProperties rates, ExchangeRates exchangeRates) {
        this.cases = cases;
        this.lines = lines;
        this.rates = rates;
        this.exchangeRates = exchangeRates;
    }

    /** @return true when the estimate total exceeds the case's budget */
    @Transactional
    public boolean estimate(Long caseId) {
        RelocationCase c = cases.get(caseId);
        Currency target = Currency.getInstance(c.budget().currency().getCurrencyCode());
        BigDecimal fx = exchangeRates.rate(target.getCurrencyCode());
        String type = c.getAssignmentType().name();
        int travellers = c.getTravellers().size();
        long needingPermits = c.getTravellers().stream()
                .map(Traveller::getNationality)
                .filter(n -> FreeMovement.permitRequired(n, c.getHostCountry()))
                .count();
        int nights = rates.getTemporaryHousingNights().getOrDefault(type, 30);
        BigDecimal nightly = rates.getNightlyRateByCountry().getOrDefault(c.getHostCountry(), rates.getDefaultNightlyRate());

        List<EstimateLine> result = new ArrayList<>();
        add(result, c, "relocation-allowance", rates.getRelocationAllowance().getOrDefault(type, BigDecimal.ZERO), fx, target,
                "Lump sum for " + type);
        add(result, c, "temporary-housing", nightly.multiply(BigDecimal.valueOf(nights)), fx, target,
                nights + " nights x " + nightly + " " + rates.getCurrency() + " in " + c.getHostCountry());
        if (c.isInternational() || type.equals("PERMANENT_TRANSFER")) {
            add(result, c, "household-goods", rates.getHouseholdGoodsBase()
                            .add(rates.getHouseholdGoodsPerTraveller().multiply(BigDecimal.valueOf(travellers))), fx, target,
                    "Base + " + travellers + " traveller(s)");
        }
        add(result, c, "travel", rates.getTravelPerTraveller().multiply(BigDecimal.valueOf(travellers)), fx, target,
                travellers + " traveller(s) one way");
        if (needingPermits > 0) {
            add(result, c, "immigration-fees", rates.getImmigrationFeePerTraveller().multiply(BigDecimal.valueOf(needingPermits)), fx, target,
                    needingPermits + " traveller(s) needing a permit");
        }
        add(result, c, "destination-services", rates.getDestinationServices(), fx, target, "Orientation and settling-in");

        lines.deleteByCaseId(caseId);
        lines.saveAll(result);
        Money total = total(result, target);
        return total.isGreaterThan(c.budget());
    }

    private void add(List<EstimateLine> out, RelocationCase c, String category, BigDecimal amountInRateCurrency,
                     BigDecimal fx, Currency target, String basis) {
        out.add(new EstimateLine(c.getId(), category, new Money(amountInRateCurrency.multiply(fx), target), basis));
    }

    public static Money total(List<EstimateLine> lines, Currency currency) {
        return lines.stream().map(EstimateLine::money).reduce(Money.zero(currency), Money::plus);
    }

    @Transactional(readOnly = true)
    public List<EstimateLine> lines(Long caseId) {
        return lines.findByCaseIdOrderById(caseId);
    }
}
