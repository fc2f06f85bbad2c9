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
import java.time.LocalDate;

/**
 * The specialist's handling of one renewal of a traveller's permit or visa (form renew-permit, for one key date):
 * filed, with the renewed permit's new expiry and the application reference, or not needed, with the reason. The
 * dates and the reference are personal data (field group PERSONAL), the notes free text (NOTES).
 */
@Entity
@Table(name = "permit_renewal")
public class PermitRenewal {

    /** The form's renewalAction. */
    public enum Action {
        FILED("filed"), NOT_NEEDED("not-needed");

        private final String value;

        Action(String value) {
            this.value = value;
        }

        static Action of(String value) {
            for (Action a : values()) {
                if (a.value.equals(value)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("renewalAction");
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    private Long keyDateId;
    private Long travellerId;
    private String keyDateKind;
    private LocalDate previousExpiry;
    private LocalDate newExpiry;

    @Enumerated(EnumType.STRING)
    @Column(name = "renewal_action")
    private Action action;

    private String applicationReference;
    private String notes;
    private String recordedBy;
    private Instant recordedAt;

    protected PermitRenewal() {
    }

    PermitRenewal(Long caseId, Long keyDateId, Long travellerId, String keyDateKind, LocalDate previousExpiry, LocalDate newExpiry,
                  Action action, String applicationReference, String notes, String recordedBy, Instant recordedAt) {
        this.caseId = caseId;
        this.keyDateId = keyDateId;
        this.travellerId = travellerId;
        this.keyDateKind = keyDateKind;
        this.previousExpiry = previousExpiry;
        this.newExpiry = newExpiry;
        this.action = action;
        this.applicationReference = applicationReference;
        this.notes = notes;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public Long getKeyDateId() { return keyDateId; }
    public Long getTravellerId() { return travellerId; }
    /** permit-expiry or visa-expiry. */
    public String getKeyDateKind() { return keyDateKind; }
    /** The expiry the renewal was for (the key date's due date then). */
    public LocalDate getPreviousExpiry() { return previousExpiry; }
    /** The renewed permit's expiry; null when no renewal was needed. */
    public LocalDate getNewExpiry() { return newExpiry; }
    public Action getAction() { return action; }
    public String getApplicationReference() { return applicationReference; }
    public String getNotes() { return notes; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
}
