package org.relocation.document;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One line of a document's audit trail: who uploaded or downloaded which version, or was refused, and when. */
@Entity
@Table(name = "document_access_log")
public class DocumentAccess {

    /** What happened: a file stored (uploaded, or the scan of a paper original registered), a file served, or a request refused (the outcome says which). */
    public enum Action { UPLOAD, PAPER_ORIGINAL, DOWNLOAD, DENIED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long caseId;
    private Long documentId;
    private Long fileId;
    private String actor;

    @Enumerated(EnumType.STRING)
    private Action action;

    private String outcome;
    private Instant occurredAt;

    protected DocumentAccess() {
    }

    DocumentAccess(Long caseId, Long documentId, Long fileId, String actor, Action action, String outcome, Instant occurredAt) {
        this.caseId = caseId;
        this.documentId = documentId;
        this.fileId = fileId;
        this.actor = actor;
        this.action = action;
        this.outcome = outcome.length() <= 200 ? outcome : outcome.substring(0, 200);
        this.occurredAt = occurredAt;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public Long getDocumentId() { return documentId; }
    public Long getFileId() { return fileId; }
    public String getActor() { return actor; }
    public Action getAction() { return action; }
    public String getOutcome() { return outcome; }
    public Instant getOccurredAt() { return occurredAt; }
}
