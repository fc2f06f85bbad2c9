package org.relocation.immigration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** A date the specialist must act ahead of: permit or passport expiry, assignment end, right-to-work recheck. */
@Entity
@Table(name = "case_key_date")
public class KeyDate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    private Long travellerId;
    private String kind;
    private LocalDate dueDate;
    private String note;

    protected KeyDate() {
    }

    KeyDate(Long caseId, Long travellerId, String kind, LocalDate dueDate, String note) {
        this.caseId = caseId;
        this.travellerId = travellerId;
        this.kind = kind;
        this.dueDate = dueDate;
        this.note = note;
    }

    void reschedule(LocalDate dueDate, String note) {
        this.dueDate = dueDate;
        this.note = note;
    }

    public Long getCaseId() { return caseId; }
    public Long getTravellerId() { return travellerId; }
    public String getKind() { return kind; }
    public LocalDate getDueDate() { return dueDate; }
    public String getNote() { return note; }
}
