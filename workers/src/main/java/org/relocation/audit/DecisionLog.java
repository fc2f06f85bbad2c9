package org.relocation.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.relocation.relocationcase.CaseNotFoundException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The decision log of each case: an ordered, append-only record of every rule decision, estimate version, approval,
 * policy exception, routing decision and audit-relevant case change, with actor and time. Entries are chained by
 * SHA-256 hashes (see {@link DecisionLogEntry#getHash()}), so {@link #verify} detects an entry that was changed,
 * removed or moved to another case in the database afterwards.
 *
 * <p>Write with {@link #append} from the domain code that made the decision, in the same transaction as the decision
 * itself: the entry commits or rolls back with it. There is no way to change or delete an entry.
 */
@Service
public class DecisionLog {

    /** The actor of decisions nobody made in person: rules evaluated by the engine, job workers, timers. */
    public static final String SYSTEM = "system";
    public static final int SUBJECT_MAX = 100;
    public static final int SUMMARY_MAX = 500;
    /** Characters of the details' JSON. */
    public static final int DETAILS_MAX = 16_000;
    public static final int ACTOR_MAX = 64;

    /**
     * Canonical JSON: map keys and bean properties sorted, dates as ISO-8601 strings, decimals as written
     * (2500.50, never 2.5005E+3), so equal details always give the same text.
     */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private final DecisionLogEntryRepository entries;
    private final Clock clock;

    @PersistenceContext
    private EntityManager em;

    DecisionLog(DecisionLogEntryRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /** The result of {@link #verify}: {@code firstBrokenSequence} and {@code problem} are null when verified. */
    public record Verification(boolean verified, int entries, Integer firstBrokenSequence, String problem) {
        static Verification ok(int entries) {
            return new Verification(true, entries, null, null);
        }

        static Verification broken(int entries, int sequence, String problem) {
            return new Verification(false, entries, sequence, problem);
        }
    }

    /**
     * Appends an entry to the case's log, as the next sequence, and returns it (with its hash).
     *
     * <p><b>Transaction.</b> Joins the caller's transaction (starts one when there is none): the entry is written only
     * if the caller's work commits. It locks the case's row ({@code SELECT ... FOR UPDATE} on {@code relocation_case})
     * until that transaction ends, so concurrent appends to one case wait for each other and get consecutive
     * sequences, on H2, MySQL and MariaDB alike; appends to different cases do not wait. Append late in a transaction
     * and keep it short. A lock wait that times out or a deadlock surfaces as a concurrency failure (as do the very
     * unlikely {@link DecisionLogConflictException}): the caller's transaction rolls back and the whole unit of work
     * can be retried, as {@code ConcurrentChanges.retry} and the job workers already do.
     *
     * <p><b>No personal data.</b> The log is kept as long as the case's audit trail and is exported as CSV: never put
     * names, passport or permit numbers, salaries, bank details, health or family details (dependants' names, ages)
     * in {@code subject}, {@code summary} or {@code details}. Refer to them instead ("traveller 2", "dependants: 2",
     * "document 17") and record amounts that are decisions (a budget, an estimate total), not someone's pay.
     *
     * @param caseId  the case (it must exist: otherwise {@link CaseNotFoundException})
     * @param kind    what is recorded
     * @param subject what was decided on: a DMN decision key ("relocation-allowances"), an approval step
     *                ("approve-budget"), an estimate name; at most {@value #SUBJECT_MAX} characters on one line
     * @param summary one line a person reads ("Budget approved: EUR 82,000 within policy"); at most
     *                {@value #SUMMARY_MAX} characters, no line breaks
     * @param details inputs, outputs, versions, reasons; null or empty for none. Serialised with Jackson to canonical
     *                JSON (keys sorted, java.time values as ISO-8601), at most {@value #DETAILS_MAX} characters
     * @param actor   the user id of who decided, or {@link #SYSTEM}; at most {@value #ACTOR_MAX} characters
     * @throws IllegalArgumentException for a missing kind, a blank or too long subject, summary or actor, a line
     *                                  break in them, or details that cannot be serialised or are too long (nothing is
     *                                  written; a programming error of the caller, not to be retried)
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public DecisionLogEntry append(Long caseId, DecisionKind kind, String subject, String summary, Map<String, ?> details, String actor) {
        Objects.requireNonNull(caseId, "caseId");
        if (kind == null) {
            throw new IllegalArgumentException("A decision-log entry needs a kind");
        }
        checkLine("subject", subject, SUBJECT_MAX);
        checkLine("summary", summary, SUMMARY_MAX);
        checkLine("actor", actor, ACTOR_MAX);
        String json = canonicalJson(details);

        lockCase(caseId);
        DecisionLogEntry last = entries.findFirstByCaseIdOrderBySequenceDesc(caseId).orElse(null);
        int sequence = last == null ? 1 : last.getSequence() + 1;
        DecisionLogEntry entry = new DecisionLogEntry(caseId, sequence, kind, subject, summary, json, actor,
                clock.instant().truncatedTo(ChronoUnit.SECONDS), last == null ? null : last.getHash());
        try {
            return entries.saveAndFlush(entry);
        } catch (DataIntegrityViolationException e) {
            throw new DecisionLogConflictException(caseId, sequence, e);
        }
    }

    /** The case's log in sequence order (empty for a case without entries or an unknown case). */
    @Transactional(readOnly = true)
    public List<DecisionLogEntry> entries(Long caseId) {
        return entries.findByCaseIdOrderBySequence(caseId);
    }

    /** Reads the case's log and {@link #verify(List) verifies} it. */
    @Transactional(readOnly = true)
    public Verification verify(Long caseId) {
        return verify(entries(caseId));
    }

    /**
     * Recomputes the hash chain of one case's complete log, as {@link #entries} returned it: sequences 1..n without
     * gaps, each entry's previous hash equal to the hash of the entry before, and each hash equal to the hash of the
     * entry's content. Reports the first sequence where one of these fails. Removing the newest entries leaves a
     * valid, shorter chain: to detect that, compare the last hash with one kept elsewhere (e.g. an earlier export).
     */
    public Verification verify(List<DecisionLogEntry> log) {
        String previousHash = null;
        Long caseId = log.isEmpty() ? null : log.get(0).getCaseId();
        for (int i = 0; i < log.size(); i++) {
            DecisionLogEntry e = log.get(i);
            int expected = i + 1;
            if (!Objects.equals(e.getCaseId(), caseId)) {
                throw new IllegalArgumentException("The entries are of more than one case");
            }
            if (e.getSequence() != expected) {
                return Verification.broken(log.size(), expected, e.getSequence() > expected
                        ? "sequence " + expected + " is missing" : "sequence " + e.getSequence() + " appears out of order");
            }
            if (!Objects.equals(e.getPreviousHash(), previousHash)) {
                return Verification.broken(log.size(), expected, expected == 1
                        ? "the first entry names a previous hash" : "the previous hash is not the hash of sequence " + (expected - 1));
            }
            if (!e.getHash().equals(e.computeHash())) {
                return Verification.broken(log.size(), expected, "the content does not match its hash");
            }
            previousHash = e.getHash();
        }
        return Verification.ok(log.size());
    }

    private void lockCase(Long caseId) {
        List<?> locked = em.createNativeQuery("SELECT id FROM relocation_case WHERE id = ? FOR UPDATE")
                .setParameter(1, caseId)
                .getResultList();
        if (locked.isEmpty()) {
            throw new CaseNotFoundException(caseId);
        }
    }

    private static void checkLine(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A decision-log entry needs a " + field);
        }
        if (value.length() > max) {
            throw new IllegalArgumentException("A decision-log " + field + " has at most " + max + " characters, was " + value.length());
        }
        if (value.chars().anyMatch(c -> c == '\n' || c == '\r')) {
            throw new IllegalArgumentException("A decision-log " + field + " is one line");
        }
    }

    private static String canonicalJson(Map<String, ?> details) {
        if (details == null || details.isEmpty()) {
            return "{}";
        }
        String json;
        try {
            json = CANONICAL.writeValueAsString(details);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("Decision-log details must serialise to JSON: " + e.getMessage(), e);
        }
        if (json.length() > DETAILS_MAX) {
            throw new IllegalArgumentException("Decision-log details have at most " + DETAILS_MAX + " characters of JSON, were " + json.length());
        }
        return json;
    }
}
