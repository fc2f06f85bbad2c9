package org.relocation.policyexception.web;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.relocation.platform.web.BadRequestException;
import org.relocation.platform.web.Paged;
import org.relocation.policyexception.ExceptionCategory;
import org.relocation.policyexception.InvalidPolicyExceptionException;
import org.relocation.policyexception.PolicyException;
import org.relocation.policyexception.PolicyExceptionNotFoundException;
import org.relocation.policyexception.PolicyExceptionService;
import org.relocation.relocationcase.CaseNotFoundException;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.identity.CaseAccess;
import org.relocation.identity.CaseFields;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The policy-exception register: asking for an exception on a case in intake, the exceptions of a case, a search
 * across cases, and per-category figures for reporting. The HR lead decides each exception in the approval phase.
 * <p>
 * Reads follow the case's read rule ({@link CaseAccess}): a reader sees the exceptions of the cases they may read (an
 * exception or case beyond that is "not found", and the search and figures leave them out), and of each the fields
 * their role sees of that case: amounts and cost centre with {@link CaseFields#FINANCIALS} (no register amount is
 * computed from the salary: the requester states it), the justification with {@link CaseFields#NOTES} or to whoever
 * asked the exception. Employees do not read the register, as they do not read the decision log.
 */
@RestController
@Tag(name = "Policy exceptions", description = "Departures from the relocation policy: asked in writing, decided by the HR lead, registered")
class PolicyExceptionController {

    private static final String REQUESTERS = "hasAnyRole('mobility-specialist','manager','admin')";
    private static final String READERS = "hasAnyRole('mobility-specialist','manager','finance','hr-admin','hr-lead','senior-manager','admin')";
    private static final int MAX_PERIOD_DAYS = 3660;
    private static final String FINANCIALS_ONLY = "Only for the roles that see the case's financials";

    private final PolicyExceptionService exceptions;
    private final CaseService cases;
    private final CaseAccess access;
    private final Clock clock;

    PolicyExceptionController(PolicyExceptionService exceptions, CaseService cases, CaseAccess access, Clock clock) {
        this.exceptions = exceptions;
        this.cases = cases;
        this.access = access;
        this.clock = clock;
    }

    /** The request body: amount as a JSON string or number. */
    @Schema(name = "PolicyExceptionRequest")
    record ExceptionRequest(String category, Object amount, String currency, String policyClause, String justification) {
    }

    @Schema(name = "PolicyException")
    /** One exception as its reader sees it: a field their role does not see of the case is absent. */
    record View(Long id, Long caseId, String caseNumber, String category,
                @Schema(description = FINANCIALS_ONLY) BigDecimal amount, @Schema(description = FINANCIALS_ONLY) String currency,
                @Schema(description = FINANCIALS_ONLY) BigDecimal reportingAmount, String policyClause,
                @Schema(description = "Only for mobility specialists, HR admin, admins and HR leads, and for whoever asked it")
                String justification,
                @Schema(description = FINANCIALS_ONLY) String costCentre, String status, String requestedBy, Instant requestedAt,
                String decidedBy, Instant decidedAt,
                @Schema(description = "Only for the roles that see the case's approvals") String decisionComment) {

        static View of(PolicyException e, String caseNumber, Set<CaseFields> fields, String reader) {
            boolean financials = fields.contains(CaseFields.FINANCIALS);
            boolean notes = fields.contains(CaseFields.NOTES) || reader.equals(e.getRequestedBy());
            boolean approvals = fields.contains(CaseFields.APPROVALS);
            return new View(e.getId(), e.getCaseId(), caseNumber, e.getCategory(),
                    financials ? e.money().amount() : null, financials ? e.money().currency().getCurrencyCode() : null,
                    financials ? e.getReportingAmount() : null, e.getPolicyClause(), notes ? e.getJustification() : null,
                    financials ? e.getCostCentre() : null, e.getStatus().name(), e.getRequestedBy(), e.getRequestedAt(),
                    e.getDecidedBy(), e.getDecidedAt(), approvals ? e.getDecisionComment() : null);
        }
    }

    private View view(PolicyException e, RelocationCase c, Authentication reader) {
        return View.of(e, c.getCaseNumber(), access.fields(reader, c), reader.getName());
    }

    @PostMapping("/api/cases/{caseId}/policy-exceptions")
    @PreAuthorize(REQUESTERS)
    @Operation(operationId = "requestPolicyException", summary = "Ask for a policy exception on a case in intake",
            description = "On a case the asker may read (a manager: a case naming them line manager, or one they act on; "
                    + "otherwise 404). category (" + "housing, temporary-housing, household-goods, cost-of-living, schooling, home-leave, travel, "
                    + "relocation-allowance, destination-services, tax, eligibility, other), amount (> 0, the currency's decimals), "
                    + "ISO 4217 currency, policyClause, justification (10-2000 characters). 201; 400 naming each bad field, nothing written.")
    @ApiResponse(responseCode = "201", description = "Asked; Location names the exception", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "A concurrent change; nothing written, try again")
    ResponseEntity<View> request(@PathVariable long caseId, @RequestBody(required = false) ExceptionRequest body, Authentication user) {
        if (body == null) {
            throw new BadRequestException(Map.of("body", "is required"));
        }
        RelocationCase c = cases.readable(caseId, access.scope(user)); // a case beyond the asker's reach is not found
        String amount = body.amount() == null ? null : body.amount() instanceof Number n ? plain(n) : body.amount().toString();
        try {
            PolicyException e = exceptions.request(caseId, new PolicyExceptionService.Request(body.category(), amount, body.currency(),
                    body.policyClause(), body.justification()), user.getName());
            return ResponseEntity.created(URI.create("/api/policy-exceptions/" + e.getId())).body(view(e, c, user));
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
    @Operation(operationId = "listCasePolicyExceptions", summary = "The policy exceptions of a case, oldest first",
            description = "404 unknown case, or one the caller may not read (as GET /api/cases/{id}); 400 non-numeric id.")
    List<View> ofCase(@PathVariable long caseId, Authentication reader) {
        RelocationCase c = cases.readable(caseId, access.scope(reader));
        return exceptions.ofCase(caseId).stream().map(e -> view(e, c, reader)).toList();
    }

    @GetMapping("/api/policy-exceptions/{id}")
    @PreAuthorize(READERS)
    @Operation(operationId = "getPolicyException", summary = "One policy exception with the HR lead's decision",
            description = "404 unknown exception, or one of a case the caller may not read (the same answer); 400 non-numeric id.")
    View one(@PathVariable long id, Authentication reader) {
        PolicyException e = exceptions.get(id);
        RelocationCase c;
        try {
            c = cases.readable(e.getCaseId(), access.scope(reader));
        } catch (CaseNotFoundException beyondScope) {
            // the same answer as for an exception that does not exist, naming neither the case nor that it exists
            throw new PolicyExceptionNotFoundException(id);
        }
        return view(e, c, reader);
    }

    @GetMapping("/api/policy-exceptions")
    @PreAuthorize(READERS)
    @Operation(operationId = "searchPolicyExceptions", summary = "Search the register by case, category, cost centre, status and period of the request (from/to, default the last 365 days)",
            description = "Only the exceptions of the cases the caller may read (as GET /api/cases); oldest first.")
    List<View> search(@RequestParam(required = false) Long caseId, @RequestParam(required = false) String category,
                      @RequestParam(required = false) String costCentre, @RequestParam(required = false) String status,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                      Authentication reader) {
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
        Paged.check(page, size, 200, errors);
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        Map<Long, RelocationCase> read = new HashMap<>();
        return exceptions.search(caseId, category, costCentre, s, period[0], period[1], access.scope(reader), page, size).stream()
                .map(e -> view(e, read.computeIfAbsent(e.getCaseId(), cases::get), reader)).toList();
    }

    @GetMapping("/api/policy-exceptions/summary")
    @PreAuthorize(READERS)
    @Operation(operationId = "summarisePolicyExceptions", summary = "Per category: requests, approvals, rejections, approved amount (reporting currency) and exception rate over a period",
            description = "Counted over the cases the caller may read (as GET /api/cases): the exceptions and the cases opened alike.")
    List<PolicyExceptionService.CategorySummary> summary(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Authentication reader) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate[] period = period(from, to, errors);
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        return exceptions.summary(period[0], period[1], access.scope(reader));
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
