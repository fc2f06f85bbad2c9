package org.relocation.audit.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.relocation.audit.DecisionLog;
import org.relocation.audit.DecisionLogEntry;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.identity.CaseAccess;
import org.springframework.security.core.Authentication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A case's decision log, read-only: as JSON with the result of verifying its hash chain, or as a CSV download. There
 * is deliberately no endpoint that writes: entries are appended by the domain code that makes the decisions.
 */
@RestController
@RequestMapping("/api/cases/{caseId}")
@Tag(name = "Decision log", description = "The audit log of a case's rule decisions, estimates, approvals, policy exceptions and routing")
class DecisionLogController {

    /** Staff who audit or decide on cases; employees do not see approvers' and rules' reasoning. */
    private static final String READERS = "hasAnyRole('mobility-specialist','manager','finance','hr-admin','admin')";
    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final DecisionLog log;
    private final CaseService cases;
    private final ObjectMapper json;
    private final CaseAccess access;

    DecisionLogController(DecisionLog log, CaseService cases, ObjectMapper json, CaseAccess access) {
        this.log = log;
        this.cases = cases;
        this.json = json;
        this.access = access;
    }

    @GetMapping("/decision-log")
    @PreAuthorize(READERS)
    @Operation(operationId = "getDecisionLog", summary = "The case's decision log in sequence order, and whether its hash chain verifies",
            description = "verified false: brokenAtSequence names the first entry that was altered, removed or moved, problem says how. "
                    + "404 unknown case, or one the caller does not act on.")
    DecisionLogViews.Log get(@PathVariable long caseId, Authentication reader) {
        RelocationCase c = cases.readable(caseId, access.scope(reader));
        List<DecisionLogEntry> entries = log.entries(caseId);
        DecisionLog.Verification v = log.verify(entries);
        return new DecisionLogViews.Log(c.getId(), c.getCaseNumber(), v.verified(), v.firstBrokenSequence(), v.problem(),
                entries.stream().map(this::view).toList());
    }

    @GetMapping("/decision-log.csv")
    @PreAuthorize(READERS)
    @Operation(operationId = "exportDecisionLog", summary = "The case's decision log as a CSV download (RFC 4180, UTF-8)",
            description = "Columns: " + "case_number, sequence, occurred_at, kind, subject, summary, details, actor, previous_hash, hash. "
                    + "Header X-Decision-Log-Verified: true|false. Cells beginning with = + - @ tab or CR are prefixed with '.")
    @ApiResponse(responseCode = "200", description = "The log as CSV, as an attachment <caseNumber>-decision-log.csv",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    ResponseEntity<String> csv(@PathVariable long caseId, Authentication reader) {
        RelocationCase c = cases.readable(caseId, access.scope(reader));
        List<DecisionLogEntry> entries = log.entries(caseId);
        DecisionLog.Verification v = log.verify(entries);
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(c.getCaseNumber() + "-decision-log.csv").build().toString())
                .header("X-Decision-Log-Verified", String.valueOf(v.verified()))
                .body(DecisionLogCsv.render(c.getCaseNumber(), entries));
    }

    private DecisionLogViews.Entry view(DecisionLogEntry e) {
        JsonNode details;
        try {
            details = json.readTree(e.getDetails());
        } catch (JsonProcessingException ex) {
            // stored by DecisionLog as JSON; text that no longer parses was altered, and the chain reports it
            details = json.getNodeFactory().textNode(e.getDetails());
        }
        return new DecisionLogViews.Entry(e.getSequence(), e.getKind(), e.getSubject(), e.getSummary(), details, e.getActor(),
                e.getOccurredAt(), e.getPreviousHash(), e.getHash());
    }
}
