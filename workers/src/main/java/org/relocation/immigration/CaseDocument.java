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

/** One item of a traveller's document checklist and where it stands. */
@Entity
@Table(name = "case_document")
public class CaseDocument {

    public enum Status { REQUESTED, PROVIDED, VALIDATED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    private Long travellerId;
    private String documentType;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String note;
    private Instant updatedAt;

    protected CaseDocument() {
    }

    CaseDocument(Long caseId, Long travellerId, String documentType, Instant now) {
        this.caseId = caseId;
        this.travellerId = travellerId;
        this.documentType = documentType;
        this.status = Status.REQUESTED;
        this.updatedAt = now;
    }

    void mark(Status status, String note, Instant now) {
        this.status = status;
        this.note = note;
        this.updatedAt = now;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public Long getTravellerId() { return travellerId; }
    public String getDocumentType() { return documentType; }
    public Status getStatus() { return status; }
    public String getNote() { return note; }
    public Instant getUpdatedAt() { return updatedAt; }
}
