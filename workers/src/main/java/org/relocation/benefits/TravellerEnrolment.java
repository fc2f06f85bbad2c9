package org.relocation.benefits;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/**
 * One traveller's benefits enrolment (the employee or a dependant): the plan (a {@link HealthPlan} code), the cover
 * start the enrolment vendor confirmed and the status. Family details stay here, never in process variables.
 */
@Entity
@Table(name = "benefits_traveller_enrolment")
public class TravellerEnrolment {

    /** PENDING: planned by the policy; ORDERED: sent to the vendor; CONFIRMED: the vendor confirmed; NOT_ENROLLED. */
    public enum Status { PENDING, ORDERED, CONFIRMED, NOT_ENROLLED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private Long caseId;

    @Column(name = "traveller_id", nullable = false, updatable = false)
    private Long travellerId;

    private String plan;
    private LocalDate coverStart;

    @Enumerated(EnumType.STRING)
    private Status status;

    protected TravellerEnrolment() {
    }

    TravellerEnrolment(Long caseId, Long travellerId, HealthPlan plan, LocalDate coverStart) {
        this.caseId = caseId;
        this.travellerId = travellerId;
        planned(plan, coverStart);
    }

    void planned(HealthPlan plan, LocalDate coverStart) {
        this.plan = plan.code();
        this.coverStart = coverStart;
        this.status = Status.PENDING;
    }

    void chosen(HealthPlan choice) {
        if (choice == null) {
            this.status = Status.NOT_ENROLLED;
        } else {
            this.plan = choice.code();
            this.status = Status.ORDERED;
        }
    }

    void confirmed(LocalDate coverStart) {
        if (status == Status.ORDERED || status == Status.PENDING) {
            this.status = Status.CONFIRMED;
            if (coverStart != null) {
                this.coverStart = coverStart;
            }
        }
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public Long getTravellerId() { return travellerId; }
    public HealthPlan getPlan() { return HealthPlan.of(plan); }
    public LocalDate getCoverStart() { return coverStart; }
    public Status getStatus() { return status; }
}
