package org.relocation.tax;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.time.LocalDate;

/** One day a traveller of a case is present in a country (a travel day: one row in each country). */
@Entity
@Immutable
@Table(name = "presence_day")
public class PresenceDay {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(updatable = false)
    private Long caseId;
    @Column(updatable = false)
    private Long travellerId;
    @Column(updatable = false)
    private String country;
    @Column(updatable = false)
    private LocalDate presentOn;
    @Column(updatable = false)
    private String recordedBy;
    @Column(updatable = false)
    private Instant recordedAt;

    protected PresenceDay() {
    }

    PresenceDay(Long caseId, Long travellerId, String country, LocalDate presentOn, String recordedBy, Instant recordedAt) {
        this.caseId = caseId;
        this.travellerId = travellerId;
        this.country = country;
        this.presentOn = presentOn;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public Long getTravellerId() { return travellerId; }
    public String getCountry() { return country; }
    public LocalDate getPresentOn() { return presentOn; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
}
