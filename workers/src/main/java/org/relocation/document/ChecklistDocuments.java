package org.relocation.document;

import jakarta.persistence.LockModeType;
import org.relocation.immigration.CaseDocument;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import java.time.Instant;
import java.util.Optional;

/**
 * The checklist rows (case_document, owned by the immigration package) as this package needs them: read,
 * locked while a new file version is added, and marked PROVIDED when a file arrives (with where it came from, who and when). {@code CaseDocument}'s
 * own {@code mark} is package-private to immigration, so the status change is a guarded update here.
 */
interface ChecklistDocuments extends Repository<CaseDocument, Long> {

    Optional<CaseDocument> findById(Long id);

    /** Serialises uploads to one document, so versions are numbered without gaps or clashes. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from CaseDocument d where d.id = :id")
    Optional<CaseDocument> lockById(Long id);

    /**
     * A new file makes the document PROVIDED whatever it was: REQUESTED and REJECTED become PROVIDED, and a VALIDATED
     * document whose file is replaced is PROVIDED again, because the file now on record has not been validated: its review
     * (who, when) is cleared with it.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update CaseDocument d set d.status = org.relocation.immigration.CaseDocument.Status.PROVIDED, d.note = null, d.updatedAt = :now,
                   d.fileSource = :source, d.fileRecordedBy = :actor, d.fileRecordedAt = :now,
                   d.reviewedBy = null, d.reviewedAt = null
            where d.id = :id""")
    int markProvided(Long id, CaseDocument.FileSource source, String actor, Instant now);
}
