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

    /** The reviewer of a document nobody reviewed in person: the automatic passport check (as {@code DecisionLog.SYSTEM}). */
    public static final String SYSTEM = "system";

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

    private String reviewedBy;
    private Instant reviewedAt;

    protected CaseDocument() {
    }

    CaseDocument(Long caseId, Long travellerId, String documentType, Instant now) {
        this.caseId = caseId;
        this.travellerId = travellerId;
        this.documentType = documentType;
        this.status = Status.REQUESTED;
        this.updatedAt = now;
    }

    /**
     * A review: the document is accepted (VALIDATED) or rejected (REJECTED) with the note, by {@code reviewer} (a login, or
     * {@link #SYSTEM} for the automatic check) at {@code now}. A new file clears the review again
     * ({@code org.relocation.document.ChecklistDocuments#markProvided}).
     */
    void review(Status status, String note, String reviewer, Instant now) {
        if (status != Status.VALIDATED && status != Status.REJECTED) {
            throw new IllegalArgumentException("A review accepts or rejects, not " + status);
        }
        this.status = status;
        this.note = note;
        this.updatedAt = now;
        this.reviewedBy = reviewer;
        this.reviewedAt = now;
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
    /** Who accepted or rejected the document: a login, or {@link #SYSTEM}; null while not reviewed (or reviewed before this was recorded). */
    public String getReviewedBy() { return reviewedBy; }
    /** When the document was accepted or rejected; null while not reviewed. */
    public Instant getReviewedAt() { return reviewedAt; }

    /** Whether a file (an upload or a registered paper original) is on record; a rejected document still has its rejected file. */
    public boolean hasFile() {
        return fileSource != null;
    }
}
