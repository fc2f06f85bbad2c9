package org.relocation.audit;

import org.springframework.dao.ConcurrencyFailureException;

/**
 * Another transaction wrote the same sequence of the same case first. Only possible when the case row lock that
 * {@link DecisionLog#append} takes did not serialise the two (it does on H2, MySQL and MariaDB); a
 * {@link ConcurrencyFailureException}, so callers that retry concurrent changes retry this too.
 */
public class DecisionLogConflictException extends ConcurrencyFailureException {
    DecisionLogConflictException(Long caseId, int sequence, Throwable cause) {
        super("Decision log of case " + caseId + ": sequence " + sequence + " was written concurrently", cause);
    }
}
