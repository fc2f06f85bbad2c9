package org.relocation.policyexception.web;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.relocation.platform.web.BadRequestException;
import org.relocation.policyexception.ExceptionCategory;
import org.relocation.policyexception.InvalidPolicyExceptionException;
import org.relocation.policyexception.PolicyException;
import org.relocation.policyexception.PolicyExceptionService;
import org.relocation.relocationcase.CaseService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policy-exception register: asking for an exception on a case in intake, the exceptions of a case, a search
 * across cases, and per-category figures for reporting. The HR lead decides each exception in the approval phase.
 */
@RestController
@Tag(name = "Policy exceptions", description = "Departures from the relocation policy: asked in writing, decided by the HR lead, registered")
class PolicyExceptionController {

    private static final String REQUESTERS = "hasAnyRole('mobility-specialist','manager','admin')";
    private static final String READERS = "hasAnyRole('mobility-specialist','manager','finance','hr-admin','hr-lead','senior-manager','admin')";
    private static final int MAX_PERIOD_DAYS = 3660;

    private final PolicyExceptionService exceptions;
    private final CaseService cases;
    private final Clock clock;

    PolicyExceptionController(PolicyExceptionService exceptions, CaseService cases, Clock clock) {
        this.exceptions = exceptions;
        this.cases = cases;
        this.clock = clock;
    }

    /** The request body: amount as a JSON string or number. */
    @Schema(name = "PolicyExceptionRequest")
    record ExceptionRequest(String category, Object amount, String currency, String policyClause, String justification) {
    }

    @Schema(name = "PolicyException")
    record View(Long id, Long caseId, String caseNumber, String category, BigDecimal amount, String currency, BigDecimal reportingAmount,
                String policyClause, String justification, String costCentre, String status, String requestedBy, Instant requestedAt,
                String decidedBy, Instant decidedAt, String decisionComment) {
        static View of(PolicyException e, String caseNumber) {
            return new View(e.getId(), e.getCaseId(), caseNumber, e.getCategory(), e.money().amount(), e.money().currency().getCurrencyCode(),
                    e.getReportingAmount(), e.getPolicyClause(), e.getJustification(), e.getCostCentre(), e.getStatus().name(),
                    e.getRequestedBy(), e.getRequestedAt(), e.getDecidedBy(), e.getDecidedAt(), e.getDecisionComment());
        }
    }

    @PostMapping("/api/cases/{caseId}/policy-exceptions")
    @PreAuthorize(REQUESTERS)
    @Operation(operationId = "requestPolicyException", summary = "Ask for a policy exception on a case in intake",
            description = "category (" + "housing, temporary-housing, household-goods, cost-of-living, schooling, home-leave, travel, "
                    + "relocation-allowance, destination-services, tax, eligibility, other), amount (> 0, the currency's decimals), "
                    + "ISO 4217 currency, policyClause, justification (10-2000 characters). 201; 400 naming each bad field, nothing written.")
    @ApiResponse(responseCode = "201", description = "Asked; Location names the exception", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "A concurrent change; nothing written, try again")
    ResponseEntity<View> request(@PathVariable long caseId, @RequestBody(required = false) ExceptionRequest body, Authentication user) {
        if (body == null) {
            throw new BadRequestException(Map.of("body", "is required"));
        }
        String caseNumber = cases.get(caseId).getCaseNumber();
        String amount = body.amount() == null ? null : body.amount() instanceof Number n ? plain(n) : body.amount().toString();
        try {
            PolicyException e = exceptions.request(caseId, new PolicyExceptionService.Request(body.category(), amount, body.currency(),
                    body.policyClause(), body.justification()), user.getName());
            return ResponseEntity.created(URI.create("/api/policy-exceptions/" + e.getId())).body(View.of(e, caseNumber));
        } catch (InvalidPolicyExceptionException e) {
            throw new BadRequestException(e.getFieldErrors());
        }
    }

    /** A JSON number as a decimal string; one beyond a double's range (read as Infinity) is left for the service to refuse. */
    private static String plain(Number n) {
        try {
            return new BigDecimal(n.toString()).toPlainString();
        } catch (NumberFormatException e) {
            return n.toString();
        }
    }

    @GetMapping("/api/cases/{caseId}/policy-exceptions")
    @PreAuthorize(READERS)
    @Operation(operationId = "listCasePolicyExceptions", summary = "The policy exceptions of a case, oldest first")
    List<View> ofCase(@PathVariable long caseId) {
        String caseNumber = cases.get(caseId).getCaseNumber();
        return exceptions.ofCase(caseId).stream().map(e -> View.of(e, caseNumber)).toList();
    }

    @GetMapping("/api/policy-exceptions/{id}")
    @PreAuthorize(READERS)
    @Operation(operationId = "getPolicyException", summary = "One policy exception with the HR lead's decision")
    View one(@PathVariable long id) {
        PolicyException e = exceptions.get(id);
        return View.of(e, cases.get(e.getCaseId()).getCaseNumber());
    }

    @GetMapping("/api/policy-exceptions")
    @PreAuthorize(READERS)
    @Operation(operationId = "searchPolicyExceptions", summary = "Search the register by case, category, cost centre, status and period of the request (from/to, default the last 365 days)")
    List<View> search(@RequestParam(required = false) Long caseId, @RequestParam(required = false) String category,
                      @RequestParam(required = false) String costCentre, @RequestParam(required = false) String status,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (category != null && ExceptionCategory.fromCode(category).isEmpty()) {
            errors.put("category", "must be one of " + ExceptionCategory.codes());
        }
        PolicyException.Status s = null;
        if (status != null) {
            try {
                s = PolicyException.Status.valueOf(status);
            } catch (IllegalArgumentException e) {
                errors.put("status", "must be REQUESTED, APPROVED or REJECTED");
            }
        }
        if (costCentre != null && (costCentre.isBlank() || costCentre.length() > 40)) {
            errors.put("costCentre", "must be 1-40 characters");
        }
        LocalDate[] period = period(from, to, errors);
        if (page < 0) {
            errors.put("page", "must not be negative");
        }
        if (size < 1 || size > 200) {
            errors.put("size", "must be 1-200");
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        Map<Long, String> numbers = new java.util.HashMap<>();
        return exceptions.search(caseId, category, costCentre, s, period[0], period[1], page, size).stream()
                .map(e -> View.of(e, numbers.computeIfAbsent(e.getCaseId(), id -> cases.get(id).getCaseNumber()))).toList();
    }

    @GetMapping("/api/policy-exceptions/summary")
    @PreAuthorize(READERS)
    @Operation(operationId = "summarisePolicyExceptions", summary = "Per category: requests, approvals, rejections, approved amount (reporting currency) and exception rate over a period")
    List<PolicyExceptionService.CategorySummary> summary(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate[] period = period(from, to, errors);
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        return exceptions.summary(period[0], period[1]);
    }

    private LocalDate[] period(LocalDate from, LocalDate to, Map<String, String> errors) {
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        LocalDate start = from == null ? end.minusDays(365) : from;
        if (end.isBefore(start)) {
            errors.put("to", "must not be before from");
        } else if (ChronoUnit.DAYS.between(start, end) > MAX_PERIOD_DAYS) {
            errors.put("to", "the period is at most ten years");
        }
        return new LocalDate[]{start, end};
    }
}
