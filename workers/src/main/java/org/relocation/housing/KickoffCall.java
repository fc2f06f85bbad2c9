package org.relocation.housing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The kick-off call of the housing and move phase (form record-kickoff-call): when it was held, who attended, what
 * was agreed (free text: case records only), who recorded it and when. One per case; a repaired task records it anew.
 */
@Entity
@Table(name = "kickoff_call")
public class KickoffCall {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private Long caseId;

    private LocalDate heldOn;
    private String attendees;
    private String notes;
    private String recordedBy;
    private Instant recordedAt;

    protected KickoffCall() {
    }

    KickoffCall(Long caseId) {
        this.caseId = caseId;
    }

    void record(LocalDate heldOn, String attendees, String notes, String recordedBy, Instant recordedAt) {
        this.heldOn = heldOn;
        this.attendees = attendees;
        this.notes = notes;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public LocalDate getHeldOn() { return heldOn; }
    /** Names or roles, as typed. */
    public String getAttendees() { return attendees; }
    /** What was agreed (free text about the person's move). */
    public String getNotes() { return notes; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
}
