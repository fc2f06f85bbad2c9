package org.relocation.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.time.LocalDate;

/** An approver away from the first to the last day (inclusive); their approvals go to the delegate meanwhile. */
@Entity
@Immutable
@Table(name = "approver_absence")
public class ApproverAbsence {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", updatable = false)
    private String userId;
    @Column(updatable = false)
    private LocalDate firstDay;
    @Column(updatable = false)
    private LocalDate lastDay;
    @Column(name = "delegate_id", updatable = false)
    private String delegateId;
    @Column(updatable = false)
    private String note;
    @Column(updatable = false)
    private String createdBy;
    @Column(updatable = false)
    private Instant createdAt;

    protected ApproverAbsence() {
    }

    ApproverAbsence(String userId, LocalDate firstDay, LocalDate lastDay, String delegateId, String note, String createdBy, Instant createdAt) {
        this.userId = userId;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.delegateId = delegateId;
        this.note = note;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }

    public Long getId() { return id; }
    public String getUserId() { return userId; }
    public LocalDate getFirstDay() { return firstDay; }
    public LocalDate getLastDay() { return lastDay; }
    public String getDelegateId() { return delegateId; }
    public String getNote() { return note; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
}
