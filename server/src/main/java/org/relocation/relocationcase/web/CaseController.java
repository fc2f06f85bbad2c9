package org.relocation.relocationcase.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.relocation.identity.Roles;
import org.relocation.relocationcase.CaseIntake;
import org.relocation.relocationcase.CaseNotFoundException;
import org.relocation.relocationcase.CaseStatus;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.platform.web.BadRequestException;
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
    @Operation(summary = "Open a case from an intake and start its journey",
            description = "201 with id, case number and process instance id; 400 problem details naming each bad field, nothing written.")
    ResponseEntity<CaseViews.Created> open(@RequestBody CaseIntake intake, Authentication user) {
        if (intake == null) {
            throw new BadRequestException(Map.of("body", "is required"));
        }
        CaseOpening.Opened opened = opening.open(intake, user.getName());
        RelocationCase c = opened.relocationCase();
        return ResponseEntity.created(URI.create("/api/cases/" + c.getId()))
                .body(new CaseViews.Created(c.getId(), c.getCaseNumber(), opened.processInstanceId()));
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "List cases, newest first", description = "Filters: status, phase (an open phase such as immigration), hostCountry. Employees see only their own cases.")
    CaseViews.Page<CaseViews.Summary> list(@RequestParam(required = false) String status,
                                          @RequestParam(required = false) String phase,
                                          @RequestParam(required = false) String hostCountry,
                                          @RequestParam(defaultValue = "0") int page,
                                          @RequestParam(defaultValue = "20") int size,
                                          Authentication user) {
        CaseStatus statusFilter = null;
        if (status != null) {
            statusFilter = Arrays.stream(CaseStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                    .orElseThrow(() -> new BadRequestException(Map.of("status", "must be one of " + Arrays.toString(CaseStatus.values()))));
        }
        if (page < 0) {
            throw new BadRequestException(Map.of("page", "must not be negative"));
        }
        if (size < 1 || size > 100) {
            throw new BadRequestException(Map.of("size", "must be between 1 and 100"));
        }
        if (hostCountry != null && !hostCountry.matches("^[A-Z]{2}$")) {
            throw new BadRequestException(Map.of("hostCountry", "must be an ISO 3166-1 alpha-2 country code such as DE"));
        }
        if (phase != null && !phase.matches("^[a-z-]{1,40}$")) {
            throw new BadRequestException(Map.of("phase", "must be a phase id such as immigration"));
        }
        return queries.search(statusFilter, phase, hostCountry, onlyOwn(user), page, size);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "One case: details, current phases, open tasks, timeline, documents, key dates, service orders, estimate")
    CaseViews.Details get(@PathVariable long id, Authentication user) {
        String own = onlyOwn(user);
        if (own != null && !own.equals(queries.get(id).getEmployeeUserId())) {
            throw new CaseNotFoundException(id); // an employee sees only their own case, and learns nothing of others
        }
        CaseViews.Details d = queries.details(id);
        if (own != null) {
            // approval comments are between approvers and the mobility team
            d = new CaseViews.Details(d.id(), d.caseNumber(), d.status(), d.outcomeReason(), d.processInstanceId(), d.employeeName(),
                    d.employeeEmail(), d.employeeUserId(), d.homeCountry(), d.homeCity(), d.hostCountry(), d.hostCity(), d.assignmentType(),
                    d.startDate(), d.endDate(), d.costCentre(), d.gradeLevel(), d.budget(), d.finalCost(), d.currentPhases(), d.phases(),
                    d.travellers(), d.openTasks(), d.timeline(), d.documents(), d.keyDates(), d.serviceOrders(), d.estimate(),
                    d.estimateVersions(), java.util.List.of(),
                    d.rightToWorkChecks(), d.notifications(), d.createdAt(), d.updatedAt(), d.closedAt());
        }
        return d;
    }

    @GetMapping("/{id}/estimates")
    @PreAuthorize(STAFF)
    @Operation(summary = "Every estimate version of a case, oldest first",
            description = "A change of dates, family or host city, or an approved policy exception, makes a new version; none is ever changed. "
                    + "approvedAt marks the version the approvers committed to.")
    List<CaseViews.EstimateView> estimates(@PathVariable long id) {
        return queries.estimates(id);
    }

    @GetMapping("/{id}/policy-decisions")
    @PreAuthorize(STAFF)
    @Operation(summary = "Every policy decision table evaluated for a case: inputs, outputs and the deployed version that decided")
    List<CaseViews.PolicyDecisionView> policyDecisions(@PathVariable long id) {
        return queries.policyDecisions(id);
    }

    /** Employees (and only they, unless they also hold a staff role) are limited to their own cases. */
    private static String onlyOwn(Authentication user) {
        boolean staff = user.getAuthorities().stream().anyMatch(a -> !a.getAuthority().equals("ROLE_" + Roles.EMPLOYEE));
        return staff ? null : user.getName();
    }
}
