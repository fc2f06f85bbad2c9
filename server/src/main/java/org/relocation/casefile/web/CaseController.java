package org.relocation.casefile.web;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.relocation.relocationcase.CaseIntake;
import org.relocation.relocationcase.CaseSearch;
import org.relocation.relocationcase.CaseStatus;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.relocationcase.web.CaseOpening;
import org.relocation.platform.web.BadRequestException;
import org.relocation.platform.web.Paged;
import org.relocation.platform.web.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The case API: intake, list with filters, and one case with its whole record. */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "Cases", description = "Relocation cases: intake, search, details")
class CaseController {

    private static final String STAFF = "hasAnyRole('mobility-specialist','manager','finance','hr-admin','hr-lead','senior-manager','admin')";
    private static final String READERS = "hasAnyRole('mobility-specialist','manager','finance','hr-admin','hr-lead','senior-manager','admin','employee')";

    private final CaseOpening opening;
    private final CaseQueries queries;

    CaseController(CaseOpening opening, CaseQueries queries) {
        this.opening = opening;
        this.queries = queries;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('mobility-specialist','hr-admin','admin')")
    @Operation(operationId = "openCase", summary = "Open a case from an intake and start its journey",
            description = "201 with id, case number and process instance id; 400 problem details naming each bad field, nothing written.")
    @ApiResponse(responseCode = "201", description = "Opened; Location names the case", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "A concurrent change; nothing written, try again")
    ResponseEntity<CaseViews.Created> open(@RequestBody CaseIntake intake, Authentication user) {
        if (intake == null) {
            throw new BadRequestException(Map.of("body", "Send the intake as a JSON body."));
        }
        CaseOpening.Opened opened = opening.open(intake, user.getName());
        RelocationCase c = opened.relocationCase();
        return ResponseEntity.created(URI.create("/api/cases/" + c.getId()))
                .body(new CaseViews.Created(c.getId(), c.getCaseNumber(), opened.processInstanceId()));
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(operationId = "listCases", summary = "List and search cases, newest first", description = "Filters: status, phase (an open phase such as immigration), hostCountry; "
            + "caseNumber (exact, any letter case: 0 or 1 item), q (the start of a case number or of a host city), mine=true (cases the caller is "
            + "specialist or line manager of, or opened). Only the cases the caller may read (see GET /api/cases/{id}), filtered in the query, so "
            + "paging and totals count only those: a case number beyond the caller's scope answers an empty list, not 403 or 404.")
    @ApiResponse(responseCode = "200", description = "One page of the cases the caller may read that match every filter given", useReturnTypeSchema = true)
    Paged<CaseViews.Summary> list(@RequestParam(required = false) String status,
                                          @RequestParam(required = false) String phase,
                                          @RequestParam(required = false) String hostCountry,
                                          @Parameter(description = "A case number, exact; letter case ignored", example = "RC-2027-000042")
                                          @RequestParam(required = false) String caseNumber,
                                          @Parameter(description = "The start of a case number or of a host city; letters, digits, space, '.', ' and '-'", example = "RC-2027")
                                          @RequestParam(required = false) String q,
                                          @Parameter(description = "true: only the cases the caller is specialist or line manager of, or opened")
                                          @RequestParam(defaultValue = "false") boolean mine,
                                          @RequestParam(defaultValue = "0") int page,
                                          @RequestParam(defaultValue = "20") int size,
                                          Authentication user) {
        CaseStatus statusFilter = null;
        if (status != null) {
            statusFilter = Arrays.stream(CaseStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                    .orElseThrow(() -> new BadRequestException(Map.of("status", "Choose a status: " + Problems.oneOf(Arrays.stream(CaseStatus.values()).map(Enum::name).toList()) + ".")));
        }
        if (page < 0) {
            throw new BadRequestException(Map.of("page", "The page number cannot be negative: the first page is 0."));
        }
        if (size < 1 || size > 100) {
            throw new BadRequestException(Map.of("size", "The page size must be between 1 and 100."));
        }
        if (hostCountry != null && !hostCountry.matches("^[A-Z]{2}$")) {
            throw new BadRequestException(Map.of("hostCountry", "Give the host country by its two-letter ISO code in capitals, such as DE for Germany."));
        }
        if (phase != null && !phase.matches("^[a-z-]{1,40}$")) {
            throw new BadRequestException(Map.of("phase", "Give the phase by its id in lower case, such as immigration."));
        }
        if (caseNumber != null && !caseNumber.matches("^[A-Za-z0-9-]{1,40}$")) {
            throw new BadRequestException(Map.of("caseNumber", "Give a case number such as RC-2027-000042."));
        }
        String search = q == null || q.isBlank() ? null : q.strip();
        if (search != null && !search.matches("^[\\p{L}\\p{N} .'-]{1,60}$")) {
            throw new BadRequestException(Map.of("q", "Search with up to 60 letters, digits, spaces, dots, apostrophes or hyphens: the start of a case number or of a host city."));
        }
        CaseSearch filter = new CaseSearch(statusFilter, phase, hostCountry, caseNumber, search, mine ? user.getName() : null);
        return queries.search(filter, user, page, size);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(operationId = "getCase", summary = "One case: details, current phases, open tasks, timeline, documents, key dates, service orders, estimate",
            description = "Each role reads only the cases it works on (404 otherwise, as for an unknown case): mobility-specialist, "
                    + "hr-admin and admin every case; a manager the cases naming them line manager; manager, finance, hr-lead and "
                    + "senior-manager the cases with a task they hold or may claim, or that they acted on, and (finance, manager) those of their cost centres; an employee their own. "
                    + "Field groups by role (absent when not shown): cost centre, grade, budget, final cost, estimate and service "
                    + "order costs not for the employee; base salary and the cost-of-living lines only for finance, hr-admin and admin; "
                    + "travellers' names, nationality, birth dates and passports, documents, key dates and right-to-work checks only "
                    + "for mobility-specialist, hr-admin, admin and the case's employee; approvals not for the employee. The phases' "
                    + "records (intake reviews, kick-off call, payroll set-up, benefits enrolment, international cover, closure approval): "
                    + "who and when for every reader; their notes only for mobility-specialist, hr-admin, hr-lead and admin; the "
                    + "employee's benefits choices and cover provider as personal details; the estimate version reviewed and the final "
                    + "cost approved as financials.")
    CaseViews.Details get(@PathVariable long id, Authentication user) {
        return queries.details(id, user);
    }

    @GetMapping("/{id}/estimates")
    @PreAuthorize(STAFF)
    @Operation(operationId = "listCaseEstimates", summary = "Every estimate version of a case, oldest first",
            description = "A change of dates, family or host city, or an approved policy exception, makes a new version; none is ever changed. "
                    + "approvedAt marks the version the approvers committed to. Only cases the caller may read (404 otherwise); the lines "
                    + "computed from the base salary (cost-of-living allowance) only for finance, hr-admin and admin.")
    List<CaseViews.EstimateView> estimates(@PathVariable long id, Authentication user) {
        return queries.estimates(id, user);
    }

    @GetMapping("/{id}/policy-decisions")
    @PreAuthorize(STAFF)
    @Operation(operationId = "listCasePolicyDecisions", summary = "Every policy decision table evaluated for a case: inputs, outputs and the deployed version that decided",
            description = "Only cases the caller may read (404 otherwise).")
    List<CaseViews.PolicyDecisionView> policyDecisions(@PathVariable long id, Authentication user) {
        return queries.policyDecisions(id, user);
    }
}
