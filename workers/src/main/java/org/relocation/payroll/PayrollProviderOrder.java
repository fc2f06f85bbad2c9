package org.relocation.payroll;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * The order of one instruction version from one payroll's provider (HOME: the home country's payroll, HOST: the host
 * country's, which also runs a shadow payroll) and that provider's answer. No amount: the provider reads the version
 * through the signed API.
 */
@Entity
@Table(name = "payroll_provider_order")
public class PayrollProviderOrder {

    /** The provider's answer: awaited (SENT), CONFIRMED or REFUSED (with its note). */
    public enum Status { SENT, CONFIRMED, REFUSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "instruction_id", nullable = false, updatable = false)
    private Long instructionId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private PayrollInstructionItem.Payroll payroll;
    @Column(nullable = false, updatable = false)
    private String country;
    @Column(nullable = false, updatable = false)
    private String orderReference;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    private String note;
    @Column(nullable = false, updatable = false)
    private Instant orderedAt;
    private Instant answeredAt;
    @Version
    private long version;

    protected PayrollProviderOrder() {
    }

    PayrollProviderOrder(Long instructionId, PayrollInstructionItem.Payroll payroll, String country, String orderReference, Instant at) {
        this.instructionId = instructionId;
        this.payroll = payroll;
        this.country = country;
        this.orderReference = orderReference;
        this.status = Status.SENT;
        this.orderedAt = at;
    }

    void answered(boolean confirmed, String note, Instant at) {
        status = confirmed ? Status.CONFIRMED : Status.REFUSED;
        this.note = note == null ? null : note.substring(0, Math.min(note.length(), 1000));
        answeredAt = at;
    }

    public Long getId() { return id; }
    public Long getInstructionId() { return instructionId; }
    /** HOME or HOST: whose provider was ordered (a shadow payroll is the host provider's). */
    public PayrollInstructionItem.Payroll getPayroll() { return payroll; }
    /** The payroll's country (ISO 3166-1 alpha-2): the provider of the export. */
    public String getCountry() { return country; }
    /** The vendor order's reference ({@code SO-...}). */
    public String getOrderReference() { return orderReference; }
    public Status getStatus() { return status; }
    public String getNote() { return note; }
    public Instant getOrderedAt() { return orderedAt; }
    public Instant getAnsweredAt() { return answeredAt; }
}
