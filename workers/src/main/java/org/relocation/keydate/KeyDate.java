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
 * A date someone must act ahead of, per traveller: permit or visa expiry, passport expiry, biometrics
 * appointment, entry deadline, assignment end, social-security certificate end, right-to-work recheck.
 * One row per case, traveller and kind; registered through {@code KeyDateService} (org.relocation.keydate),
 * which also starts the engine process that sends its reminders ({@code relocation-key-date}).
 */
@Entity
@Table(name = "case_key_date")
public class KeyDate {

    /** The longest note kept. */
    public static final int NOTE_MAX = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    private Long travellerId;
    private String kind;
    private LocalDate dueDate;
    private String note;
    /** The engine instance following this date (reminders, renewal); null until one was started. */
    private String processInstanceId;
    /** The due date that instance was planned for; differs from dueDate while a re-plan is pending. */
    private LocalDate plannedDueDate;
    private Instant updatedAt;

    protected KeyDate() {
    }

    public KeyDate(Long caseId, Long travellerId, String kind, LocalDate dueDate, String note, Instant now) {
        this.caseId = caseId;
        this.travellerId = travellerId;
        this.kind = kind;
        this.dueDate = dueDate;
        this.note = truncate(note);
        this.updatedAt = now;
    }

    /** Moves the date (and replaces the note); the follow-up is re-planned when the date changed. */
    public void reschedule(LocalDate dueDate, String note, Instant now) {
        this.dueDate = dueDate;
        this.note = truncate(note);
        this.updatedAt = now;
    }

    /** Whether the engine follow-up does not (yet) follow the current due date. */
    public boolean needsPlanning() {
        return plannedDueDate == null || !plannedDueDate.equals(dueDate);
    }

    /** The current due date is now followed by that instance (null: by none, e.g. a date already past). */
    public void planned(String processInstanceId) {
        this.processInstanceId = processInstanceId;
        this.plannedDueDate = dueDate;
    }

    private static String truncate(String note) {
        return note == null || note.length() <= NOTE_MAX ? note : note.substring(0, NOTE_MAX);
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public Long getTravellerId() { return travellerId; }
    public String getKind() { return kind; }
    public LocalDate getDueDate() { return dueDate; }
    public String getNote() { return note; }
    public String getProcessInstanceId() { return processInstanceId; }
    public LocalDate getPlannedDueDate() { return plannedDueDate; }
    public Instant getUpdatedAt() { return updatedAt; }
}
