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
 * What the specialist wrote about one traveller's counsel order: the information provided on counsel's request, a
 * follow-up when counsel is late, or how a refused permit is handled. The text is free text about a person's
 * application: case records only (field group NOTES), never a process variable or a log line.
 */
@Entity
@Table(name = "counsel_note")
public class CounselNote {

    /** Which form wrote the note. */
    public enum Kind {
        /** answer-counsel-request: what was provided on counsel's request for information; sent to counsel. */
        INFORMATION_PROVIDED,
        /** follow-up-counsel: counsel did not decide within its SLA; who was contacted, what they said. */
        FOLLOW_UP,
        /** handle-permit-refusal: the next step after a refusal and why. */
        REFUSAL_HANDLING
    }

    /** The next step after a refused permit (form handle-permit-refusal, field refusalAction). */
    public enum RefusalAction {
        APPEAL("appeal"), OTHER_PERMIT("other-permit"), WITHDRAW("withdraw"), CANCEL("cancel");

        private final String value;

        RefusalAction(String value) {
            this.value = value;
        }

        /** The form's value, e.g. {@code other-permit}. */
        public String value() {
            return value;
        }

        static RefusalAction of(String value) {
            for (RefusalAction a : values()) {
                if (a.value.equals(value)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("refusalAction");
        }
    }

    /** The longest text kept (the follow-up form's own limit). */
    static final int TEXT_MAX = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    private Long serviceOrderId;
    private Long travellerId;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    private RefusalAction refusalAction;

    @Column(name = "note_text")
    private String text;
    private String writtenBy;
    private Instant writtenAt;
    private Instant sentAt;

    protected CounselNote() {
    }

    CounselNote(Long caseId, Long serviceOrderId, Long travellerId, Kind kind, RefusalAction refusalAction, String text,
                String writtenBy, Instant writtenAt) {
        this.caseId = caseId;
        this.serviceOrderId = serviceOrderId;
        this.travellerId = travellerId;
        this.kind = kind;
        this.refusalAction = refusalAction;
        this.text = text == null || text.length() <= TEXT_MAX ? text : text.substring(0, TEXT_MAX);
        this.writtenBy = writtenBy;
        this.writtenAt = writtenAt;
    }

    /** The information was sent to counsel. */
    void sent(Instant now) {
        if (sentAt == null) {
            sentAt = now;
        }
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    /** The counsel order the note is about; null when the traveller had none yet. */
    public Long getServiceOrderId() { return serviceOrderId; }
    public Long getTravellerId() { return travellerId; }
    public Kind getKind() { return kind; }
    /** For {@link Kind#REFUSAL_HANDLING} only. */
    public RefusalAction getRefusalAction() { return refusalAction; }
    public String getText() { return text; }
    public String getWrittenBy() { return writtenBy; }
    public Instant getWrittenAt() { return writtenAt; }
    /** When the information was sent to counsel ({@link Kind#INFORMATION_PROVIDED}); null until then. */
    public Instant getSentAt() { return sentAt; }
}
