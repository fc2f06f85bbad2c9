package org.relocation.immigration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The record that someone checked the employee's right to work: who, which document (its reference is personal
 * data), how, when, and for time-limited permission when the check must be repeated. It is recorded against the
 * employee traveller and what gives them the right to work ({@link Basis}): their granted permit, whose code and
 * validity are kept as they were at the check, or no permit needed.
 */
@Entity
@Table(name = "right_to_work_check")
public class RightToWorkCheck {

    /** What the right to work rests on, as known when the check was recorded. */
    public enum Basis {
        /** The permit counsel reported granted for the employee (number and validity on the traveller). */
        GRANTED_PERMIT,
        /** The employee needs a permit and none was reported granted: nothing gives them the right to work yet. */
        PERMIT_NOT_GRANTED,
        /** No permit needed: citizen of the host country, free movement (EU/EEA/CH) or an exemption of the permit catalogue. */
        NO_PERMIT_NEEDED,
        /** The employee's permit requirement was not decided when the check was recorded. */
        UNDECIDED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    private Long travellerId;
    private String documentType;
    private String documentReference;
    private LocalDate checkedOn;
    private String checkedBy;
    private String checkMethod;
    private LocalDate nextCheckOn;
    private Instant recordedAt;

    @Enumerated(EnumType.STRING)
    private Basis basis;
    private String permitCode;
    private LocalDate permitValidFrom;
    private LocalDate permitValidUntil;

    protected RightToWorkCheck() {
    }

    RightToWorkCheck(Long caseId, Long travellerId, String documentType, String documentReference, LocalDate checkedOn, String checkedBy,
                     String checkMethod, LocalDate nextCheckOn, RightToWorkRules.Permission permission, Instant recordedAt) {
        this.caseId = caseId;
        this.travellerId = travellerId;
        this.documentType = documentType;
        this.documentReference = documentReference;
        this.checkedOn = checkedOn;
        this.checkedBy = checkedBy;
        this.checkMethod = checkMethod;
        this.nextCheckOn = nextCheckOn;
        this.basis = permission.basis();
        this.permitCode = permission.permitCode();
        this.permitValidFrom = permission.validFrom();
        this.permitValidUntil = permission.validUntil();
        this.recordedAt = recordedAt;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    /** The employee traveller the check is for; null for checks recorded before it was kept. */
    public Long getTravellerId() { return travellerId; }
    public String getDocumentType() { return documentType; }
    public String getDocumentReference() { return documentReference; }
    public LocalDate getCheckedOn() { return checkedOn; }
    public String getCheckedBy() { return checkedBy; }
    public Instant getRecordedAt() { return recordedAt; }
    public String getCheckMethod() { return checkMethod; }
    /** Null for permanent permission (e.g. an EU/EEA passport). */
    public LocalDate getNextCheckOn() { return nextCheckOn; }
    /** Null for checks recorded before it was kept. */
    public Basis getBasis() { return basis; }
    /** The permit catalogue's code of the employee's permit (or of the exemption) at the check. */
    public String getPermitCode() { return permitCode; }
    public LocalDate getPermitValidFrom() { return permitValidFrom; }
    public LocalDate getPermitValidUntil() { return permitValidUntil; }

    RightToWorkRules.Permission permission() {
        return new RightToWorkRules.Permission(basis == null ? Basis.UNDECIDED : basis, permitCode, permitValidFrom, permitValidUntil);
    }
}
