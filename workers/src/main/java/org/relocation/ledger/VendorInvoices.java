package org.relocation.ledger;

import org.relocation.fx.ExchangeRateService;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.CaseStatus;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.VendorCostReported;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import javax.money.CurrencyUnit;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A vendor's answer that reports the cost of its order becomes a VENDOR_INVOICE payment of the case (PLANNED, accounts
 * payable), in the callback's transaction. What the ledger cannot take (a case no longer running, no exchange rate for
 * the currency that day, an amount beyond the ledger's limit) is logged and left out rather than refusing the vendor's
 * answer; the specialist can record it as a one-off payment.
 */
@Component
class VendorInvoices {

    private static final Logger log = LoggerFactory.getLogger(VendorInvoices.class);

    private final PaymentLedger ledger;
    private final CaseService cases;
    private final ExchangeRateService rates;

    VendorInvoices(PaymentLedger ledger, CaseService cases, ExchangeRateService rates) {
        this.ledger = ledger;
        this.cases = cases;
        this.rates = rates;
    }

    static PaymentCategory category(ServiceType type) {
        return switch (type) {
            case TEMPORARY_HOUSING -> PaymentCategory.TEMPORARY_HOUSING;
            case HOUSEHOLD_SHIPMENT -> PaymentCategory.HOUSEHOLD_GOODS;
            case IMMIGRATION_COUNSEL -> PaymentCategory.IMMIGRATION_FEES;
            case TAX_BRIEFING, TAX_RETURN -> PaymentCategory.TAX;
            default -> PaymentCategory.OTHER;
        };
    }

    @EventListener
    void costReported(VendorCostReported e) {
        RelocationCase c = cases.get(e.caseId());
        Optional<CurrencyUnit> unit = ExchangeRateService.currency(e.currency());
        if (unit.isEmpty() || (c.getStatus() != CaseStatus.IN_PROGRESS && c.getStatus() != CaseStatus.COMPLETED)
                || e.amount().compareTo(PaymentLedger.MAX_AMOUNT) > 0 || !rates.hasRate(unit.get(), rates.reportingCurrency(), e.reportedOn())) {
            log.warn("Order {} of case {}: its vendor cost is not recorded in the payments ledger (case {}, currency {} without a rate or "
                    + "amount beyond the limit)", e.orderReference(), c.getCaseNumber(), c.getStatus(), e.currency());
            return;
        }
        java.math.BigDecimal amount = e.amount().setScale(Math.max(unit.get().getDefaultFractionDigits(), 0), RoundingMode.HALF_EVEN);
        if (amount.signum() <= 0) {
            return;
        }
        ledger.recordVendorInvoice(e.caseId(), e.orderReference(), category(e.serviceType()), amount, e.currency(), e.reportedOn(),
                "vendor:" + e.serviceType().vendor());
    }
}
