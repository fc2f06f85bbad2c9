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

/** An order placed with a vendor (counsel, housing, movers, payroll, tax, benefits) and its answer. */
@Entity
@Table(name = "service_order")
public class ServiceOrder {

    public enum Status { NEW, SENT, CONFIRMED, APPROVED, REFUSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    @Enumerated(EnumType.STRING)
    private ServiceType serviceType;

    private String vendor;
    private String reference;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String messageName;
    private BigDecimal costAmount;
    private String costCurrency;
    private String vendorReference;
    private String detail;
    private String requestKey;
    private Instant requestedAt;
    private Instant answeredAt;

    @Version
    private long version;

    protected ServiceOrder() {
    }

    ServiceOrder(Long caseId, ServiceType type, String reference, String requestKey, String detail, Instant now) {
        this.caseId = caseId;
        this.serviceType = type;
        this.vendor = type.vendor();
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

    void answered(Status answer, String vendorReference, BigDecimal costAmount, String costCurrency, Instant now) {
        this.status = answer;
        this.vendorReference = vendorReference;
        this.costAmount = costAmount;
        this.costCurrency = costCurrency;
        this.answeredAt = now;
    }

    ServiceType type() { return serviceType; }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public ServiceType getServiceType() { return serviceType; }
    public String getVendor() { return vendor; }
    public String getReference() { return reference; }
    public Status getStatus() { return status; }
    public String getMessageName() { return messageName; }
    public BigDecimal getCostAmount() { return costAmount; }
    public String getCostCurrency() { return costCurrency; }
    public String getVendorReference() { return vendorReference; }
    public String getDetail() { return detail; }
    public Instant getRequestedAt() { return requestedAt; }
    public Instant getAnsweredAt() { return answeredAt; }
}
