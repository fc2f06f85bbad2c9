package org.relocation.audit.web;

import io.swagger.v3.oas.annotations.media.Schema;
import com.fasterxml.jackson.databind.JsonNode;
import org.relocation.audit.DecisionKind;

import java.time.Instant;
import java.util.List;

/** The decision log as the API shows it. */
final class DecisionLogViews {

    private DecisionLogViews() {
    }

    /**
     * The whole log of a case with the result of recomputing its hash chain; {@code brokenAtSequence} and
     * {@code problem} only when {@code verified} is false.
     */
    @Schema(name = "DecisionLog")
    record Log(Long caseId, String caseNumber, boolean verified, Integer brokenAtSequence, String problem, List<Entry> entries) {
    }

    /** {@code previousHash} is absent on the first entry. */
    @Schema(name = "DecisionLogEntry")
    record Entry(int sequence, DecisionKind kind, String subject, String summary, JsonNode details, String actor, Instant occurredAt,
                 String previousHash, String hash) {
    }
}
