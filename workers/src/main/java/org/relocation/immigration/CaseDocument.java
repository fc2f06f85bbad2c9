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

/**
 * One item of a traveller's document checklist and where it stands. It becomes PROVIDED only when a file arrives (an
 * upload, or a scanned paper original registered by the specialist: {@code org.relocation.document.DocumentService}),
 * never by the employee's confirmation alone.
 */
@Entity
@Table(name = "case_document")
public class CaseDocument {

    public enum Status { REQUESTED, PROVIDED, VALIDATED, REJECTED }

    /** Where the current file came from: the employee's (or a specialist's) upload, or a scanned paper original the specialist saw. */
    public enum FileSource { UPLOAD, PAPER_ORIGINAL }

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

    @Enumerated(EnumType.STRING)
    private FileSource fileSource;
    private String fileRecordedBy;
    private Instant fileRecordedAt;

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
    /** Null while no file is on record. */
    public FileSource getFileSource() { return fileSource; }
    public String getFileRecordedBy() { return fileRecordedBy; }
    public Instant getFileRecordedAt() { return fileRecordedAt; }

    /** Whether a file (an upload or a registered paper original) is on record; a rejected document still has its rejected file. */
    public boolean hasFile() {
        return fileSource != null;
    }
}
