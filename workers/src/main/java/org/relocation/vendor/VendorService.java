package org.relocation.vendor;

import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.relocationcase.TimelineEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Places orders with vendors exactly once per request key and records their answers. */
@Service
public class VendorService {

    private static final Logger log = LoggerFactory.getLogger(VendorService.class);
    private static final Set<String> ANSWERS = Set.of("ACKNOWLEDGED", "CONFIRMED", "SUBMITTED", "INFO_REQUESTED", "APPROVED", "REFUSED");
    private static final Set<ServiceOrder.Status> COUNSEL_ANSWERS = Set.of(ServiceOrder.Status.SUBMITTED,
            ServiceOrder.Status.INFO_REQUESTED, ServiceOrder.Status.APPROVED, ServiceOrder.Status.REFUSED);
    /** Process variable with counsel's answer, read by the immigration process's counsel-outcome gateway. */
    public static final String COUNSEL_OUTCOME = "counselOutcome";
    /** Process variable with the payroll provider's answer ({@code confirmed} or {@code rejected}), read by the payroll process. */
    public static final String PAYROLL_OUTCOME = "payrollOutcome";

    private final ServiceOrderRepository orders;
    private final VendorGateway gateway;
    private final CaseService cases;
    private final Clock clock;

    private final org.springframework.transaction.support.TransactionTemplate ownTransaction;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final List<ProviderAnswerRouting> routings;
    private final VendorRegister register;
    private final VendorSlas slas;
    private final QuotedInvoices invoices;

    VendorService(ServiceOrderRepository orders, VendorGateway gateway, CaseService cases,
                  Clock clock, org.springframework.transaction.PlatformTransactionManager transactions,
                  org.springframework.context.ApplicationEventPublisher events, List<ProviderAnswerRouting> routings,
                  VendorRegister register, VendorSlas slas, QuotedInvoices invoices) {
        this.register = register;
        this.slas = slas;
        this.invoices = invoices;
        this.events = events;
        this.routings = List.copyOf(routings);
        this.ownTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.orders = orders;
        this.gateway = gateway;
        this.cases = cases;
        this.clock = clock;
    }

    /**
     * Orders a service for a case. The request key (the external task id) makes a redelivered task reuse
     * its order: the vendor is called until it accepted the order once, never after. The order is committed before
     * the vendor is called, and its being sent right after: a vendor answering at once finds it (while it is not yet
     * marked sent, its answer is a 409 the vendor retries), and a task that fails later does not send it again.
     */
    @Transactional
    public ServiceOrder order(Long caseId, ServiceType type, String requestKey, String detail) {
        return order(caseId, null, type, requestKey, detail);
    }

    /** {@link #order(Long, ServiceType, String, String)} for one traveller of the case (immigration counsel). */
    @Transactional
    public ServiceOrder order(Long caseId, Long travellerId, ServiceType type, String requestKey, String detail) {
        return order(caseId, travellerId, type, null, requestKey, detail);
    }

    /**
     * {@link #order(Long, ServiceType, String, String)} from a vendor of the given country (a home payroll's provider,
     * a home tax return's adviser); null: the host country. The vendor is chosen from the register when the order is
     * first recorded ({@link VendorRegister#choose}; none registered: the category's configured endpoint) and kept:
     * a redelivered task sends it to the same vendor.
     */
    @Transactional
    public ServiceOrder order(Long caseId, Long travellerId, ServiceType type, String country, String requestKey, String detail) {
        RelocationCase c = cases.get(caseId);
        String vendorCountry = country != null ? country : c.getHostCountry();
        return place(c, travellerId, type, vendorCountry, () -> register.endpointFor(type, vendorCountry, c.getHostCity()), requestKey, detail);
    }

    /** The quote an order is placed on: its reference and price for the whole service. */
    public record AcceptedQuote(String reference, java.math.BigDecimal amount, String currency) {
    }

    /**
     * {@link #order(Long, ServiceType, String, String)} from a given registered vendor (the vendor of a chosen quote;
     * null: the category's configured endpoint) rather than the register's choice, for the given dates (the stay's, not
     * the case's) and, when it was chosen on a quote, carrying that quote: the vendor's invoice is checked against it.
     */
    @Transactional
    public ServiceOrder orderFrom(Long caseId, ServiceType type, Long vendorId, String requestKey, String detail,
                                  java.time.LocalDate from, java.time.LocalDate until, AcceptedQuote quote) {
        return orderFrom(caseId, null, type, vendorId, requestKey, detail, from, until, quote);
    }

    /** {@link #orderFrom(Long, ServiceType, Long, String, String, java.time.LocalDate, java.time.LocalDate, AcceptedQuote)} for one traveller. */
    @Transactional
    public ServiceOrder orderFrom(Long caseId, Long travellerId, ServiceType type, Long vendorId, String requestKey, String detail,
                                  java.time.LocalDate from, java.time.LocalDate until, AcceptedQuote quote) {
        RelocationCase c = cases.get(caseId);
        return place(c, travellerId, type, c.getHostCountry(), () -> register.endpointFor(type, vendorId), requestKey, detail, from, until, quote);
    }

    private ServiceOrder place(RelocationCase c, Long travellerId, ServiceType type, String vendorCountry,
                               java.util.function.Supplier<VendorEndpoint> endpoint, String requestKey, String detail) {
        return place(c, travellerId, type, vendorCountry, endpoint, requestKey, detail, c.getStartDate(), c.getEndDate(), null);
    }

    private ServiceOrder place(RelocationCase c, Long travellerId, ServiceType type, String vendorCountry,
                               java.util.function.Supplier<VendorEndpoint> endpoint, String requestKey, String detail,
                               java.time.LocalDate from, java.time.LocalDate until, AcceptedQuote quote) {
        Long caseId = c.getId();
        ServiceOrder recorded = ownTransaction.execute(s -> orders.findByRequestKey(requestKey).orElseGet(() -> {
            ServiceOrder o = new ServiceOrder(caseId, travellerId, type, endpoint.get(),
                    "SO-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase(), requestKey, detail, clock.instant());
            slas.schedule(o, vendorCountry); // its SLA deadlines (docs/journey.md "Vendor SLAs")
            if (quote != null) {
                o.quoted(quote.reference(), quote.amount(), quote.currency());
            }
            return orders.save(o);
        }));
        if (recorded.getStatus() == ServiceOrder.Status.NEW) {
            gateway.send(register.endpointOf(recorded), new VendorRequest(recorded.getReference(), type.name(), c.getCaseNumber(),
                    c.getHostCountry(), c.getHostCity(), from, until, c.getTravellers().size(), detail));
            ownTransaction.executeWithoutResult(s -> orders.findById(recorded.getId()).ifPresent(ServiceOrder::sent));
            log.info("Order {} ({}) sent to {} for case {}", recorded.getReference(), type, recorded.getVendor(), c.getCaseNumber());
        }
        return orders.findById(recorded.getId()).orElseThrow();
    }

    /**
     * Records a vendor's answer. Unknown orders, orders of another vendor, orders already answered and
     * answers that do not fit the order are rejected and change nothing. Counsel's SUBMITTED is recorded
     * without a message (nothing waits for it); its other answers are the message {@code immigration-decision}
     * with {@value #COUNSEL_OUTCOME} {@code approved}, {@code refused} or {@code information-requested}.
     */
    @Transactional
    public AcceptedCallback accept(String vendor, VendorCallback callback) {
        if (callback.reference() == null || callback.status() == null || !ANSWERS.contains(callback.status())) {
            throw invalid("reference and status (" + String.join(", ", new java.util.TreeSet<>(ANSWERS)) + ") are required");
        }
        if (callback.costAmount() != null && (callback.costAmount().signum() < 0 || callback.costCurrency() == null
                || Currency.getAvailableCurrencies().stream().noneMatch(cur -> cur.getCurrencyCode().equals(callback.costCurrency())))) {
            throw invalid("costAmount must not be negative and needs an ISO 4217 costCurrency");
        }
        if (callback.permitNumber() != null && (callback.permitNumber().isBlank() || callback.permitNumber().length() > 60)) {
            throw invalid("permitNumber must be 1 to 60 characters");
        }
        if (callback.note() != null && callback.note().length() > 1000) {
            throw invalid("note must be at most 1000 characters");
        }
        if (callback.validFrom() != null && callback.validUntil() != null && callback.validUntil().isBefore(callback.validFrom())) {
            throw invalid("validUntil must not be before validFrom");
        }
        ServiceOrder order = orders.findByReference(callback.reference())
                .filter(o -> o.getVendor().equals(vendor))
                .orElseThrow(() -> new CallbackRejectedException(CallbackRejectedException.Reason.UNKNOWN_ORDER,
                        "No order " + callback.reference() + " for vendor " + vendor));
        ServiceOrder.Status answer = ServiceOrder.Status.valueOf(callback.status());
        boolean counsel = order.getServiceType() == ServiceType.IMMIGRATION_COUNSEL;
        if (!order.getStatus().awaitsAnswer() || (answer == ServiceOrder.Status.SUBMITTED && order.getStatus() == ServiceOrder.Status.SUBMITTED)) {
            throw new CallbackRejectedException(CallbackRejectedException.Reason.ALREADY_ANSWERED,
                    "Order " + order.getReference() + " is " + order.getStatus() + " and takes no " + answer + " answer now");
        }
        if (answer == ServiceOrder.Status.ACKNOWLEDGED) {
            // interim: the vendor received the order (its acknowledgement SLA); recorded once, nothing waits for it
            if (order.getStatus() != ServiceOrder.Status.SENT || order.getAcknowledgedAt() != null) {
                throw new CallbackRejectedException(CallbackRejectedException.Reason.ALREADY_ANSWERED,
                        "Order " + order.getReference() + " is " + order.getStatus() + " and takes no ACKNOWLEDGED answer now");
            }
            order.acknowledged(clock.instant());
            RelocationCase c = cases.get(order.getCaseId());
            cases.recordStep(c.getId(), TimelineEntry.Kind.CALLBACK_RECEIVED, order.getMessageName(),
                    order.getServiceType().name() + " acknowledged", null, vendor);
            return new AcceptedCallback(c.getId(), c.getCaseNumber(), order.getServiceType(), answer, null, Map.of(),
                    order.getTravellerId(), null, null, null);
        }
        boolean payroll = order.getServiceType() == ServiceType.PAYROLL_INSTRUCTION;
        if (payroll) {
            if (answer != ServiceOrder.Status.CONFIRMED && answer != ServiceOrder.Status.REFUSED) {
                throw invalid("a payroll instruction is answered with CONFIRMED or REFUSED");
            }
            if (answer == ServiceOrder.Status.REFUSED && (callback.note() == null || callback.note().isBlank())) {
                throw invalid("a rejected payroll instruction needs a note saying what is wrong");
            }
        } else if (counsel != COUNSEL_ANSWERS.contains(answer)
                && !(answer == ServiceOrder.Status.REFUSED && order.getServiceType().mayBeRefused())) {
            throw invalid(counsel ? "an immigration order is answered with SUBMITTED, INFO_REQUESTED, APPROVED or REFUSED"
                    : order.getServiceType().mayBeRefused() ? "this order is answered with CONFIRMED or REFUSED (with a note)"
                    : "this order is answered with CONFIRMED");
        }
        if (answer == ServiceOrder.Status.REFUSED && !counsel && !payroll && (callback.note() == null || callback.note().isBlank())) {
            throw invalid("a refusal needs a note saying why");
        }
        if (counsel && answer == ServiceOrder.Status.APPROVED && (callback.permitNumber() == null || callback.validUntil() == null)) {
            throw invalid("an approval needs permitNumber and validUntil");
        }
        if (answer == ServiceOrder.Status.INFO_REQUESTED && (callback.note() == null || callback.note().isBlank())) {
            throw invalid("a request for information needs a note saying what is needed");
        }
        order.answered(answer, callback, clock.instant());
        boolean invoiceAboveQuote = false;
        if (callback.costAmount() != null && callback.costAmount().signum() > 0) {
            // the vendor's invoice: checked against an accepted quote, the payments ledger records it (VendorCostReported)
            invoiceAboveQuote = invoices.received(order);
        }
        Map<String, Object> variables = new HashMap<>();
        if (order.getServiceType() == ServiceType.TEMPORARY_HOUSING && answer == ServiceOrder.Status.CONFIRMED) {
            variables.put(QuotedInvoices.ABOVE_QUOTE, invoiceAboveQuote); // the housing process's invoice gateway
        }
        String messageName = order.getMessageName();
        if (payroll) {
            // the payroll feature records the answer on the instruction, in this transaction, and says whether the process
            // goes on now (every payroll's provider confirmed, or one refused) or waits for the other providers
            VendorAnswerReceived received = new VendorAnswerReceived(order.getCaseId(), order.getReference(), order.getServiceType(), answer,
                    callback.note());
            java.util.Optional<String> outcome = routings.stream().filter(r -> r.serviceType() == order.getServiceType()).findFirst()
                    .map(r -> r.outcome(received))
                    .orElse(java.util.Optional.of(answer == ServiceOrder.Status.CONFIRMED ? "confirmed" : "rejected"));
            if (outcome.isPresent()) {
                variables.put(PAYROLL_OUTCOME, outcome.get());
            } else {
                messageName = null; // recorded; the process waits for the other providers (or has moved on)
            }
        }
        if (!counsel && !payroll && answer == ServiceOrder.Status.REFUSED) {
            // a housing, moving or destination-services vendor refused: recorded; the process keeps waiting for the service while the order goes
            // to the next vendor, or the specialists decide when none is left (VendorSlas#refused)
            messageName = null;
        }
        if (counsel) {
            switch (answer) {
                case APPROVED -> variables.put(COUNSEL_OUTCOME, "approved");
                case REFUSED -> variables.put(COUNSEL_OUTCOME, "refused");
                case INFO_REQUESTED -> variables.put(COUNSEL_OUTCOME, "information-requested");
                default -> messageName = null; // SUBMITTED: recorded, nothing waits for it
            }
        }
        RelocationCase c = cases.get(order.getCaseId());
        cases.recordStep(c.getId(), TimelineEntry.Kind.CALLBACK_RECEIVED, order.getMessageName(),
                order.getServiceType().name() + " " + answer.name().toLowerCase(), null, vendor);
        if (!counsel && !payroll && answer == ServiceOrder.Status.REFUSED) {
            slas.refused(order, vendor);
        }
        return new AcceptedCallback(c.getId(), c.getCaseNumber(), order.getServiceType(), answer, messageName, variables,
                order.getTravellerId(), order.getPermitNumber(), order.getValidFrom(), order.getValidUntil());
    }

    /**
     * Tells counsel that the information it asked for on the traveller's open order is available (the
     * specialist has provided it). Idempotent: an order no longer waiting for information is left alone.
     * @return whether counsel was told now (false: the order no longer waited for information)
     */
    @Transactional
    public boolean informationProvided(Long caseId, Long travellerId, String summary) {
        RelocationCase c = cases.get(caseId);
        ServiceOrder order = latestCounselOrder(caseId, travellerId)
                .orElseThrow(() -> new IllegalStateException("Case " + caseId + " has no counsel order for traveller " + travellerId));
        if (order.getStatus() != ServiceOrder.Status.INFO_REQUESTED) {
            return false;
        }
        gateway.send(register.endpointOf(order), new VendorRequest(order.getReference(), "IMMIGRATION_COUNSEL_INFORMATION", c.getCaseNumber(),
                c.getHostCountry(), c.getHostCity(), c.getStartDate(), c.getEndDate(), c.getTravellers().size(), summary));
        order.informationSent();
        return true;
    }

    /**
     * The traveller's current counsel order: the latest one (an appeal or another permit after a refusal is a new
     * order); empty when counsel has not been asked for the traveller yet.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<ServiceOrder> latestCounselOrder(Long caseId, Long travellerId) {
        return orders.findByCaseIdOrderById(caseId).stream()
                .filter(o -> o.getServiceType() == ServiceType.IMMIGRATION_COUNSEL && java.util.Objects.equals(o.getTravellerId(), travellerId))
                .reduce((first, second) -> second);
    }

    private static CallbackRejectedException invalid(String message) {
        return new CallbackRejectedException(CallbackRejectedException.Reason.INVALID, message);
    }

    @Transactional(readOnly = true)
    public List<ServiceOrder> orders(Long caseId) {
        return orders.findByCaseIdOrderById(caseId);
    }
}
