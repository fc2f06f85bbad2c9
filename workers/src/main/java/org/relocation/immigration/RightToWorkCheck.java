package org.relocation.immigration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The record that someone checked the employee's right to work: who, which document (its reference is personal
 * data), how, when, and for time-limited permission when the check must be repeated.
 */
@Entity
@Table(name = "right_to_work_check")
public class RightToWorkCheck {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    private String documentType;
    private String documentReference;
    private LocalDate checkedOn;
    private String checkedBy;
    private String checkMethod;
    private LocalDate nextCheckOn;
    private Instant recordedAt;

    protected RightToWorkCheck() {
    }

    RightToWorkCheck(Long caseId, String documentType, String documentReference, LocalDate checkedOn, String checkedBy,
                     String checkMethod, LocalDate nextCheckOn, Instant recordedAt) {
        this.checkMethod = checkMethod;
        this.nextCheckOn = nextCheckOn;
        this.caseId = caseId;
        this.documentType = documentType;
        this.documentReference = documentReference;
        this.checkedOn = checkedOn;
        this.checkedBy = checkedBy;
        this.recordedAt = recordedAt;
    }

    public Long getCaseId() { return caseId; }
    public String getDocumentType() { return documentType; }
    public String getDocumentReference() { return documentReference; }
    public LocalDate getCheckedOn() { return checkedOn; }
    public String getCheckedBy() { return checkedBy; }
    public Instant getRecordedAt() { return recordedAt; }
    public String getCheckMethod() { return checkMethod; }
    /** Null for permanent permission (e.g. an EU/EEA passport). */
    public LocalDate getNextCheckOn() { return nextCheckOn; }
}
