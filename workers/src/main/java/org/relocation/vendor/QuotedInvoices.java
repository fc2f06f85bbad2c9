package org.relocation.vendor;

import org.relocation.fx.ExchangeRateService;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.relocationcase.TimelineEntry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.money.CurrencyUnit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A vendor's invoice (the cost its signed callback reports) against the order's accepted quote (docs/journey.md,
 * "Housing"). Without a quote the invoice is recorded in the payments ledger as it comes ({@link VendorCostReported}).
 * With one, the invoice is converted into the quote's currency (the exchange rate of the day) and compared:
 * <ul>
 *   <li>at most the quote: WITHIN_QUOTE, recorded as it comes;</li>
 *   <li>above it (or no rate to compare): ABOVE_QUOTE with the excess, nothing recorded yet; finance decides in the
 *       housing process's task {@value #DECISION_FORM}: {@code accept} records the whole invoice (EXCESS_ACCEPTED),
 *       {@code dispute} records only the quoted amount in the quote's currency and tells the vendor (DISPUTED).</li>
 * </ul>
 */
@Service
public class QuotedInvoices {

    /** Process variable of the housing confirmation: whether its invoice is above the accepted quote (finance decides). */
    public static final String ABOVE_QUOTE = "invoiceAboveQuote";
    /** The user task (and form) where finance decides an invoice above its quote. */
    public static final String DECISION_FORM = "decide-invoice-excess";
    /** The service type of the notice a vendor receives when its invoice is disputed. */
    public static final String DISPUTE_NOTICE = "INVOICE_DISPUTED";
    static final String ACCEPT = "accept";
    static final String DISPUTE = "dispute";

    private final ServiceOrderRepository orders;
    private final ExchangeRateService rates;
    private final ApplicationEventPublisher events;
    private final VendorGateway gateway;
    private final VendorRegister register;
    private final CaseService cases;
    private final Clock clock;

    QuotedInvoices(ServiceOrderRepository orders, ExchangeRateService rates, ApplicationEventPublisher events, VendorGateway gateway,
                   VendorRegister register, CaseService cases, Clock clock) {
        this.orders = orders;
        this.rates = rates;
        this.events = events;
        this.gateway = gateway;
        this.register = register;
        this.cases = cases;
        this.clock = clock;
    }

    /**
     * The order's vendor reported its cost (already on the order): checks it against the order's quote, records it in the
     * ledger unless it is above the quote. In the callback's transaction.
     * @return whether it is above the quote (finance decides)
     */
    boolean received(ServiceOrder order) {
        if (order.getQuotedAmount() == null) {
            record(order, order.getCostAmount(), order.getCostCurrency());
            return false;
        }
        Optional<BigDecimal> invoiced = inQuoteCurrency(order);
        if (invoiced.isPresent() && invoiced.get().compareTo(order.getQuotedAmount()) <= 0) {
            order.invoiceChecked(ServiceOrder.InvoiceCheck.WITHIN_QUOTE, null);
            record(order, order.getCostAmount(), order.getCostCurrency());
            return false;
        }
        order.invoiceChecked(ServiceOrder.InvoiceCheck.ABOVE_QUOTE, invoiced.map(i -> i.subtract(order.getQuotedAmount())).orElse(null));
        cases.recordStep(order.getCaseId(), TimelineEntry.Kind.STEP_COMPLETED, "invoice-above-quote",
                order.getServiceType().name() + " invoice above the accepted quote " + order.getQuoteReference() + ": finance decides",
                null, order.getVendor());
        return true;
    }

    /** The invoice in the quote's currency at today's rate; empty: no rate today. */
    private Optional<BigDecimal> inQuoteCurrency(ServiceOrder order) {
        if (order.getQuotedCurrency().equals(order.getCostCurrency())) {
            return Optional.of(order.getCostAmount());
        }
        LocalDate today = LocalDate.now(clock);
        Optional<CurrencyUnit> from = ExchangeRateService.currency(order.getCostCurrency());
        Optional<CurrencyUnit> to = ExchangeRateService.currency(order.getQuotedCurrency());
        if (from.isEmpty() || to.isEmpty() || !rates.hasRate(from.get(), to.get(), today)) {
            return Optional.empty();
        }
        return Optional.of(rates.convert(order.getCostAmount(), order.getCostCurrency(), to.get(), today).setScale(2, RoundingMode.HALF_EVEN));
    }

    private void record(ServiceOrder order, BigDecimal amount, String currency) {
        events.publishEvent(new VendorCostReported(order.getCaseId(), order.getId(), order.getReference(), order.getServiceType(),
                amount, currency, LocalDate.now(clock)));
    }

    /** The case's order whose invoice is above its quote and waits for finance's decision; empty: none. */
    @Transactional(readOnly = true)
    public Optional<ServiceOrder> awaitingDecision(Long caseId) {
        return orders.findByCaseIdOrderById(caseId).stream()
                .filter(o -> o.getInvoiceCheck() == ServiceOrder.InvoiceCheck.ABOVE_QUOTE).reduce((first, second) -> second);
    }

    /** Field → problem of a decision: {@code invoiceDecision} accept or dispute, a note (required to dispute) of at most 1000. */
    @Transactional(readOnly = true)
    public Map<String, String> problems(Long caseId, String decision, String note) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (awaitingDecision(caseId).isEmpty()) {
            problems.put("invoiceDecision", "no invoice of this case is above its accepted quote and waiting for a decision");
            return problems;
        }
        if (decision == null || !List.of(ACCEPT, DISPUTE).contains(decision)) {
            problems.put("invoiceDecision", "must be accept (the whole invoice is recorded) or dispute (only the quoted amount is "
                    + "recorded and the vendor is told)");
        }
        if (note != null && note.length() > 1000) {
            problems.put("invoiceDecisionNote", "must be at most 1000 characters");
        } else if (DISPUTE.equals(decision) && (note == null || note.isBlank())) {
            problems.put("invoiceDecisionNote", "is required to dispute an invoice: the vendor is told why");
        }
        return problems;
    }

    /**
     * Finance's decision (checked by {@link #problems}): accept records the whole invoice in the ledger; dispute records
     * the quoted amount and sends the vendor a notice ({@value #DISPUTE_NOTICE}) with the note.
     */
    @Transactional
    public ServiceOrder decide(Long caseId, String decision, String note, String actor) {
        ServiceOrder order = awaitingDecision(caseId)
                .orElseThrow(() -> new IllegalStateException("Case " + caseId + " has no invoice waiting for a decision"));
        String text = note == null || note.isBlank() ? null : note.trim();
        RelocationCase c = cases.get(caseId);
        if (ACCEPT.equals(decision)) {
            order.invoiceDecided(ServiceOrder.InvoiceCheck.EXCESS_ACCEPTED, text, actor, clock.instant());
            record(order, order.getCostAmount(), order.getCostCurrency());
        } else {
            order.invoiceDecided(ServiceOrder.InvoiceCheck.DISPUTED, text, actor, clock.instant());
            record(order, order.getQuotedAmount(), order.getQuotedCurrency());
            gateway.send(register.endpointOf(order), new VendorRequest(order.getReference(), DISPUTE_NOTICE, c.getCaseNumber(),
                    c.getHostCountry(), c.getHostCity(), c.getStartDate(), c.getEndDate(), c.getTravellers().size(),
                    "Invoice of " + order.getCostAmount().toPlainString() + " " + order.getCostCurrency() + " disputed: above the accepted quote "
                            + order.getQuoteReference() + " of " + order.getQuotedAmount().toPlainString() + " " + order.getQuotedCurrency()
                            + ", which is what is paid. " + text));
        }
        orders.saveAndFlush(order);
        return order;
    }
}
