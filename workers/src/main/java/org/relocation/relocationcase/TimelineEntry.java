package org.relocation.relocationcase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One thing that happened to a case: a phase or step entered or completed, by whom, when. */
@Entity
@Table(name = "case_timeline")
public class TimelineEntry {

    /** What kind of event an entry records. */
    public enum Kind { CASE_OPENED, PHASE_ENTERED, PHASE_COMPLETED, TASK_CREATED, TASK_COMPLETED, STEP_COMPLETED, CALLBACK_RECEIVED, CASE_CLOSED,
        /** A named person of the case (line manager, mobility specialist) assigned or reassigned. */
        PERSON_ASSIGNED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    private Instant occurredAt;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Kind kind;

    private String elementId;
    private String elementName;
    private String phase;
    private String actor;

    protected TimelineEntry() {
    }

    TimelineEntry(Long caseId, Instant occurredAt, Kind kind, String elementId, String elementName, String phase, String actor) {
        this.caseId = caseId;
        this.occurredAt = occurredAt;
        this.kind = kind;
        this.elementId = elementId;
        this.elementName = elementName == null ? null : truncate(elementName, 200);
        this.phase = phase;
        this.actor = actor;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public Instant getOccurredAt() { return occurredAt; }
    public Kind getKind() { return kind; }
    public String getElementId() { return elementId; }
    public String getElementName() { return elementName; }
    public String getPhase() { return phase; }
    public String getActor() { return actor; }
}
