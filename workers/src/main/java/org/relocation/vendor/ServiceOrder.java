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

    @Version
    private long version;

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
}
