package org.relocation.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A message sent (or recorded, where no mail server is configured) to a person about a case. */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    private String recipient;
    private String subject;
    private String kind;
    private String status;
    private Instant createdAt;

    protected Notification() {
    }

    Notification(Long caseId, String recipient, String subject, String kind, String status, Instant createdAt) {
        this.caseId = caseId;
        this.recipient = recipient;
        this.subject = subject;
        this.kind = kind;
        this.status = status;
        this.createdAt = createdAt;
    }

    public Long getCaseId() { return caseId; }
    public String getRecipient() { return recipient; }
    public String getSubject() { return subject; }
    public String getKind() { return kind; }
    public String getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
}
