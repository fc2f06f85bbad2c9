package org.relocation.keydate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A reminder of a key date sent (SENT, over SMTP) or recorded (RECORDED, no mail server configured) to one
 * recipient role: one per key date, due date, offset and role, so a task delivered twice sends once.
 */
@Entity
@Table(name = "key_date_reminder")
public class KeyDateReminder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long keyDateId;
    @Column(name = "case_id")
    private Long caseId;
    private LocalDate dueDate;
    private int offsetDays;
    private String recipientRole;
    private String recipient;
    private String subject;
    private String status;
    private Instant sentAt;

    protected KeyDateReminder() {
    }

    KeyDateReminder(Long keyDateId, Long caseId, LocalDate dueDate, int offsetDays, ReminderRecipient role, String recipient,
                    String subject, String status, Instant sentAt) {
        this.keyDateId = keyDateId;
        this.caseId = caseId;
        this.dueDate = dueDate;
        this.offsetDays = offsetDays;
        this.recipientRole = role.name();
        this.recipient = recipient;
        this.subject = subject;
        this.status = status;
        this.sentAt = sentAt;
    }

    public Long getId() { return id; }
    public Long getKeyDateId() { return keyDateId; }
    public Long getCaseId() { return caseId; }
    public LocalDate getDueDate() { return dueDate; }
    public int getOffsetDays() { return offsetDays; }
    public String getRecipientRole() { return recipientRole; }
    public String getRecipient() { return recipient; }
    public String getSubject() { return subject; }
    public String getStatus() { return status; }
    public Instant getSentAt() { return sentAt; }
}
