package org.relocation.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * One entry of a case's decision log: written once by {@link DecisionLog#append}, never changed (no setters, every
 * column {@code updatable = false}, Hibernate {@link Immutable}). {@link #getHash()} is the SHA-256 (lower-case hex) of
 * {@link #canonical the canonical form} of the entry, which includes the previous entry's hash: the entries of a case
 * form a hash chain that {@link DecisionLog#verify} recomputes.
 */
@Entity
@Immutable
@Table(name = "decision_log_entry")
public class DecisionLogEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(updatable = false)
    private Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private Long caseId;

    @Column(nullable = false, updatable = false)
    private int sequence;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 30)
    private DecisionKind kind;

    @Column(nullable = false, updatable = false, length = DecisionLog.SUBJECT_MAX)
    private String subject;

    @Column(nullable = false, updatable = false, length = DecisionLog.SUMMARY_MAX)
    private String summary;

    @Column(nullable = false, updatable = false)
    private String details;

    @Column(nullable = false, updatable = false, length = DecisionLog.ACTOR_MAX)
    private String actor;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "previous_hash", updatable = false, length = 64)
    private String previousHash;

    @Column(nullable = false, updatable = false, length = 64)
    private String hash;

    protected DecisionLogEntry() {
    }

    DecisionLogEntry(Long caseId, int sequence, DecisionKind kind, String subject, String summary, String details, String actor,
                     Instant occurredAt, String previousHash) {
        this.caseId = caseId;
        this.sequence = sequence;
        this.kind = kind;
        this.subject = subject;
        this.summary = summary;
        this.details = details;
        this.actor = actor;
        this.occurredAt = occurredAt;
        this.previousHash = previousHash;
        this.hash = computeHash();
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    /** 1, 2, 3 ... within the case, without gaps: the order of the log. */
    public int getSequence() { return sequence; }
    public DecisionKind getKind() { return kind; }
    /** What was decided on: a DMN decision key, an approval step, an estimate name (short, no personal data). */
    public String getSubject() { return subject; }
    /** One human-readable line. */
    public String getSummary() { return summary; }
    /** The details as canonical JSON (an object, keys sorted; {@code {}} when there were none). */
    public String getDetails() { return details; }
    /** The user id of who decided, or {@link DecisionLog#SYSTEM}. */
    public String getActor() { return actor; }
    /** When it was recorded, in whole seconds (UTC). */
    public Instant getOccurredAt() { return occurredAt; }
    /** The hash of the entry before (sequence - 1); null for the first entry of a case. */
    public String getPreviousHash() { return previousHash; }
    /** SHA-256, 64 lower-case hex digits, of the canonical form of this entry. */
    public String getHash() { return hash; }

    /** The hash this entry's content has now (equal to {@link #getHash()} unless the stored row was altered). */
    String computeHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * The canonical form the hash covers: case id, sequence, kind, subject, summary, details, actor, occurred-at
     * (ISO-8601 UTC, e.g. {@code 2030-01-10T12:00:00Z}) and previous hash (empty for the first entry), joined by
     * {@code |}, each with {@code \} written as {@code \\} and {@code |} as {@code \|} so that no two different entries
     * have the same canonical form. Changing this breaks the verification of every stored entry.
     */
    String canonical() {
        return String.join("|",
                String.valueOf(caseId),
                String.valueOf(sequence),
                kind.name(),
                escape(subject),
                escape(summary),
                escape(details),
                escape(actor),
                DateTimeFormatter.ISO_INSTANT.format(occurredAt),
                previousHash == null ? "" : previousHash);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|");
    }
}
