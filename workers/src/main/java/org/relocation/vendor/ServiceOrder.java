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
     */
    public enum Status {
        NEW, SENT, SUBMITTED, INFO_REQUESTED, CONFIRMED, APPROVED, REFUSED;

        /** Still open for a vendor's answer. */
        public boolean awaitsAnswer() {
            return this == SENT || this == SUBMITTED;
        }
    }

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

    void answered(Status answer, VendorCallback callback, Instant now) {
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
    /** The accepted quote the order was placed on; null: no quote (the other fields below are null too). */
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
