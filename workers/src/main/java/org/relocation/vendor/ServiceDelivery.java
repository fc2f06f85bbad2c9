package org.relocation.vendor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The delivery of a confirmed service order, confirmed and rated (1-5, optional comment) by the case's employee or a
 * specialist on their behalf; one per order ({@link ServiceDeliveries}). Vendor performance reads it against the
 * vendor's delivery SLA ({@link VendorPerformance}).
 */
@Entity
@Table(name = "service_delivery")
public class ServiceDelivery {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "service_order_id", updatable = false)
    private Long serviceOrderId;
    @Column(name = "case_id", updatable = false)
    private Long caseId;
    private LocalDate deliveredOn;
    private int rating;
    @Column(name = "rating_comment")
    private String comment;
    private String confirmedBy;
    private Instant confirmedAt;

    protected ServiceDelivery() {
    }

    ServiceDelivery(ServiceOrder order, LocalDate deliveredOn, int rating, String comment, String confirmedBy, Instant now) {
        this.serviceOrderId = order.getId();
        this.caseId = order.getCaseId();
        this.deliveredOn = deliveredOn;
        this.rating = rating;
        this.comment = comment;
        this.confirmedBy = confirmedBy;
        this.confirmedAt = now;
    }

    public Long getId() { return id; }
    public Long getServiceOrderId() { return serviceOrderId; }
    public Long getCaseId() { return caseId; }
    public LocalDate getDeliveredOn() { return deliveredOn; }
    /** 1 (poor) to 5 (excellent). */
    public int getRating() { return rating; }
    /** At most 500 characters; null: none. */
    public String getComment() { return comment; }
    /** The employee, or the specialist (or admin) who confirmed it on their behalf. */
    public String getConfirmedBy() { return confirmedBy; }
    public Instant getConfirmedAt() { return confirmedAt; }
}
