package org.relocation.vendor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An order placed with a vendor (counsel, housing, movers, payroll, tax, benefits) and its answer. */
@Entity
@Table(name = "service_order")
public class ServiceOrder {

    /**
     * NEW until the vendor accepted the order, then SENT. Counsel may report SUBMITTED (filed with the
     * authority) and INFO_REQUESTED (a request for more information; SENT again once it is answered) before
     * the decision, APPROVED or REFUSED. Other vendors answer CONFIRMED; payroll, housing and moving vendors may REFUSE.
     * Any vendor may first report ACKNOWLEDGED (an interim status: the order was received; nothing waits for it).
     * WITHDRAWN: the order was switched to another vendor or re-quoted (docs/journey.md "Vendor SLAs"); its callbacks are
     * refused.
     */
    public enum Status {
        NEW, SENT, ACKNOWLEDGED, SUBMITTED, INFO_REQUESTED, CONFIRMED, APPROVED, REFUSED, WITHDRAWN;

        /** Still open for a vendor's answer. */
        public boolean awaitsAnswer() {
            return this == SENT || this == ACKNOWLEDGED || this == SUBMITTED;
        }
    }

    /** The SLA deadline an order missed: acknowledgement or confirmation. */
    public enum Breach { ACKNOWLEDGEMENT, CONFIRMATION }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    @Enumerated(EnumType.STRING)
    private ServiceType serviceType;

    private String vendor;
    @Column(name = "vendor_id")
    private Long vendorId;
    private String reference;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String messageName;
    private BigDecimal costAmount;
    private String costCurrency;
    private String vendorReference;
    private String detail;
    @Column(name = "traveller_id")
    private Long travellerId;
    private String permitNumber;
    private LocalDate validFrom;
    private LocalDate validUntil;
    private String vendorNote;
    private String requestKey;
    private Instant requestedAt;
    private Instant answeredAt;
    private Instant acknowledgeBy;
    private LocalDate confirmBy;
    private LocalDate deliverBy;
    private Instant acknowledgedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "sla_reminded_for")
    private Breach slaRemindedFor;
    private Instant remindedAt;
    private int reminders;
    private Instant escalatedAt;
    private boolean escalationOpen;
    private Instant withdrawnAt;
    @Column(name = "replaces_order_id")
    private Long replacesOrderId;

    private String quoteReference;
    private BigDecimal quotedAmount;
    private String quotedCurrency;
    @Enumerated(EnumType.STRING)
    private InvoiceCheck invoiceCheck;
    private BigDecimal invoiceExcess;
    private String invoiceDecidedBy;
    private Instant invoiceDecidedAt;
    private String invoiceDecisionNote;

    @Version
    private long version;

    /**
     * The vendor's invoice (its reported cost) against the order's accepted quote: WITHIN_QUOTE, or ABOVE_QUOTE until
     * finance decides, EXCESS_ACCEPTED (the whole invoice recorded) or DISPUTED (the quoted amount recorded, the vendor told).
     */
    public enum InvoiceCheck { WITHIN_QUOTE, ABOVE_QUOTE, EXCESS_ACCEPTED, DISPUTED }

    protected ServiceOrder() {
    }

    ServiceOrder(Long caseId, Long travellerId, ServiceType type, VendorEndpoint endpoint, String reference, String requestKey,
                 String detail, Instant now) {
        this.caseId = caseId;
        this.travellerId = travellerId;
        this.serviceType = type;
        this.vendor = endpoint.name();
        this.vendorId = endpoint.vendorId();
        this.reference = reference;
        this.status = Status.NEW;
        this.messageName = type.messageName();
        this.requestKey = requestKey;
        this.detail = detail;
        this.requestedAt = now;
    }

    void sent() {
        if (status == Status.NEW) {
            status = type().awaitsCallback() ? Status.SENT : Status.CONFIRMED;
        }
    }

    /** The SLA deadlines of an order awaiting a callback (VendorSlas#schedule). */
    void deadlines(Instant acknowledgeBy, LocalDate confirmBy, LocalDate deliverBy) {
        this.acknowledgeBy = acknowledgeBy;
        this.confirmBy = confirmBy;
        this.deliverBy = deliverBy;
    }

    /** This order replaces a withdrawn one (a switch to the next vendor). */
    void replaces(ServiceOrder withdrawn) {
        this.replacesOrderId = withdrawn.getId();
    }

    /** The vendor's ACKNOWLEDGED: received, not yet answered. */
    void acknowledged(Instant now) {
        this.status = Status.ACKNOWLEDGED;
        this.acknowledgedAt = now;
    }

    /** The order went to another vendor, or is re-quoted: its callbacks are refused from now on. */
    void withdrawn(Instant now) {
        this.status = Status.WITHDRAWN;
        this.withdrawnAt = now;
        this.escalationOpen = false;
    }

    void reminded(Breach breach, Instant now) {
        this.slaRemindedFor = breach;
        this.remindedAt = now;
        this.reminders++;
    }

    void escalated(Instant now) {
        this.escalatedAt = now;
        this.escalationOpen = true;
    }

    void escalationResolved() {
        this.escalationOpen = false;
    }

    /** The specialist agreed a new confirmation date with the vendor: the SLA watch starts again from it. */
    void waitUntil(LocalDate newConfirmBy) {
        this.confirmBy = newConfirmBy;
        if (deliverBy != null && deliverBy.isBefore(newConfirmBy)) {
            this.deliverBy = newConfirmBy;
        }
        this.acknowledgeBy = null; // the vendor was reached: no acknowledgement deadline any more
        this.slaRemindedFor = null;
        this.escalatedAt = null;
        this.escalationOpen = false;
    }

    /**
     * The SLA deadline this order has missed at {@code now} (confirmation first, then acknowledgement), or null. Only
     * an order still awaiting its answer can miss one; confirm_by is the last day allowed (UTC).
     */
    public Breach breachAt(Instant now) {
        if (!status.awaitsAnswer() || status == Status.SUBMITTED) {
            return null;
        }
        if (confirmBy != null && now.atZone(java.time.ZoneOffset.UTC).toLocalDate().isAfter(confirmBy)) {
            return Breach.CONFIRMATION;
        }
        if (acknowledgeBy != null && acknowledgedAt == null && now.isAfter(acknowledgeBy)) {
            return Breach.ACKNOWLEDGEMENT;
        }
        return null;
    }

    void answered(Status answer, VendorCallback callback, Instant now) {
        if (acknowledgedAt == null) {
            this.acknowledgedAt = now; // any answer acknowledges the order
        }
        this.status = answer;
        if (callback.vendorReference() != null) {
            this.vendorReference = callback.vendorReference();
        }
        if (callback.costAmount() != null) {
            this.costAmount = callback.costAmount();
            this.costCurrency = callback.costCurrency();
        }
        this.permitNumber = callback.permitNumber();
        this.validFrom = callback.validFrom();
        this.validUntil = callback.validUntil();
        this.vendorNote = callback.note() == null ? null : callback.note().substring(0, Math.min(callback.note().length(), 1000));
        this.answeredAt = now;
    }

    void quoted(String reference, BigDecimal amount, String currency) {
        this.quoteReference = reference;
        this.quotedAmount = amount;
        this.quotedCurrency = currency;
    }

    void invoiceChecked(InvoiceCheck check, BigDecimal excess) {
        this.invoiceCheck = check;
        this.invoiceExcess = excess;
    }

    void invoiceDecided(InvoiceCheck decision, String note, String actor, Instant now) {
        this.invoiceCheck = decision;
        this.invoiceDecisionNote = note;
        this.invoiceDecidedBy = actor;
        this.invoiceDecidedAt = now;
    }

    /** Counsel's request for information was answered: the order waits for the decision again. */
    void informationSent() {
        if (status == Status.INFO_REQUESTED) {
            status = Status.SENT;
        }
    }

    ServiceType type() { return serviceType; }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public ServiceType getServiceType() { return serviceType; }
    /** The vendor's name in its callback path: a registered vendor's code, or the category of a configured endpoint. */
    public String getVendor() { return vendor; }
    /** The registered vendor the order went to; null: the category's configured endpoint. */
    public Long getVendorId() { return vendorId; }
    public String getReference() { return reference; }
    /** The business request key the order was placed with (one order per key). */
    public String getRequestKey() { return requestKey; }
    public Status getStatus() { return status; }
    public String getMessageName() { return messageName; }
    public BigDecimal getCostAmount() { return costAmount; }
    public String getCostCurrency() { return costCurrency; }
    public String getVendorReference() { return vendorReference; }
    public String getDetail() { return detail; }
    /** The traveller a counsel order is for; null for the case's other orders. */
    public Long getTravellerId() { return travellerId; }
    public String getPermitNumber() { return permitNumber; }
    public LocalDate getValidFrom() { return validFrom; }
    public LocalDate getValidUntil() { return validUntil; }
    /** Counsel's request for information or reason for a refusal. */
    public String getVendorNote() { return vendorNote; }
    public Instant getRequestedAt() { return requestedAt; }
    public Instant getAnsweredAt() { return answeredAt; }
    /** Acknowledgement deadline (vendor's acknowledgementHours after the request); null: none. */
    public Instant getAcknowledgeBy() { return acknowledgeBy; }
    /** Last day for the vendor's answer (confirmationBusinessDays business days of its country); null: none. */
    public LocalDate getConfirmBy() { return confirmBy; }
    /** Last day of the delivery (deliveryBusinessDays business days of its country); null: none. */
    public LocalDate getDeliverBy() { return deliverBy; }
    public Instant getAcknowledgedAt() { return acknowledgedAt; }
    /** The breach the vendor was last reminded of; null: none since the order or the last wait. */
    public Breach getSlaRemindedFor() { return slaRemindedFor; }
    public Instant getRemindedAt() { return remindedAt; }
    public int getReminders() { return reminders; }
    public Instant getEscalatedAt() { return escalatedAt; }
    public boolean isEscalationOpen() { return escalationOpen; }
    public Instant getWithdrawnAt() { return withdrawnAt; }
    /** The withdrawn order this one replaces (a switch to the next vendor); null: a first order. */
    public Long getReplacesOrderId() { return replacesOrderId; }
    /** The accepted quote the order was placed on; null: no quote (the other fields below are null too). */
    /**
     * What the order asks for, without the accepted quote its text names ("; accepted quote Q-… at …"): the text a
     * replacement order to another vendor carries, which must not see a competitor's price.
     */
    public String detailWithoutQuote() {
        int at = quoteReference == null || detail == null ? -1 : detail.indexOf("; accepted quote " + quoteReference);
        return at < 0 ? detail : detail.substring(0, at);
    }

    public String getQuoteReference() { return quoteReference; }
    public BigDecimal getQuotedAmount() { return quotedAmount; }
    public String getQuotedCurrency() { return quotedCurrency; }
    /** The invoice against the quote; null: no quote, or not invoiced yet. */
    public InvoiceCheck getInvoiceCheck() { return invoiceCheck; }
    /** How much the invoice is above the quote, in the quote's currency; null: within, or no rate to convert it. */
    public BigDecimal getInvoiceExcess() { return invoiceExcess; }
    public String getInvoiceDecidedBy() { return invoiceDecidedBy; }
    public Instant getInvoiceDecidedAt() { return invoiceDecidedAt; }
    public String getInvoiceDecisionNote() { return invoiceDecisionNote; }
}
