package org.relocation.approval.web;

import org.relocation.platform.web.Problems;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.operaton.bpm.engine.IdentityService;
import org.relocation.approval.AbsenceService;
import org.relocation.approval.ApprovalStep;
import org.relocation.approval.ApproverAbsence;
import org.relocation.approval.engine.AbsentApprovers;
import org.relocation.identity.Roles;
import org.relocation.platform.engine.SystemContext;
import org.relocation.platform.web.BadRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The approvers' absence register: while an approver is away their approval tasks go to a colleague of the same
 * role. Registered by HR administration, or by an approver for themselves.
 */
@RestController
@Tag(name = "Approvals", description = "Approvers' absences and their delegates, and reassigning approval tasks")
class ApproverAbsenceController {

    private static final String APPROVERS = "hasAnyRole('manager','finance','hr-lead','senior-manager','hr-admin','admin')";
    private static final Set<String> APPROVER_ROLES = Arrays.stream(ApprovalStep.values()).map(ApprovalStep::approverGroup)
            .collect(Collectors.toUnmodifiableSet());

    private final AbsenceService absences;
    private final AbsentApprovers absentApprovers;
    private final IdentityService identity;
    private final SystemContext system;

    ApproverAbsenceController(AbsenceService absences, AbsentApprovers absentApprovers, IdentityService identity, SystemContext system) {
        this.absences = absences;
        this.absentApprovers = absentApprovers;
        this.identity = identity;
        this.system = system;
    }

    @Schema(name = "ApproverAbsenceRegistration")
    record AbsenceRequest(String userId, LocalDate firstDay, LocalDate lastDay, String delegateId, String note) {
    }

    @Schema(name = "ApproverAbsence")
    record View(Long id, String userId, LocalDate firstDay, LocalDate lastDay, String delegateId, String note, String createdBy,
                Instant createdAt, List<String> reassignedTasks) {
        static View of(ApproverAbsence a, List<String> reassigned) {
            return new View(a.getId(), a.getUserId(), a.getFirstDay(), a.getLastDay(), a.getDelegateId(), a.getNote(), a.getCreatedBy(),
                    a.getCreatedAt(), reassigned);
        }
    }

    @PostMapping("/api/approver-absences")
    @PreAuthorize(APPROVERS)
    @Operation(operationId = "registerApproverAbsence", summary = "Register an approver's absence and the colleague of the same role who takes their approvals",
            description = "userId, firstDay, lastDay (inclusive, not in the past, at most a year), delegateId (a user sharing an approver "
                    + "role: manager, finance, hr-lead, senior-manager), note. Approval tasks the approver holds are handed over at once when the "
                    + "absence has begun, and any assigned to them while it lasts. 201; 400 naming each bad field; 403 for someone "
                    + "else's absence unless HR administration.")
    @ApiResponse(responseCode = "201", description = "Registered, with the approval tasks handed over at once",
            content = @Content(schema = @Schema(implementation = View.class)))
    @ApiResponse(responseCode = "409", description = "A concurrent change; nothing written, try again")
    ResponseEntity<?> register(@RequestBody(required = false) AbsenceRequest body, Authentication user) {
        if (body == null) {
            throw new BadRequestException(Map.of("body", "is required"));
        }
        boolean administration = has(user, Roles.HR_ADMIN) || has(user, Roles.ADMIN);
        if (!administration && body.userId() != null && !body.userId().equals(user.getName())) {
            ProblemDetail p = Problems.of(HttpStatus.FORBIDDEN, "Forbidden", "Only HR administration registers someone else's absence");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(p);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Set<String> userRoles = body.userId() == null ? Set.of() : approverRoles(body.userId());
        if (body.userId() == null || body.userId().isBlank()) {
            errors.put("userId", "is required");
        } else if (userRoles.isEmpty()) {
            errors.put("userId", "must be an approver (" + APPROVER_ROLES + ")");
        }
        if (body.delegateId() == null || body.delegateId().isBlank()) {
            errors.put("delegateId", "is required");
        } else if (!userRoles.isEmpty() && approverRoles(body.delegateId()).stream().noneMatch(userRoles::contains)) {
            errors.put("delegateId", "must be a user with an approver role of " + body.userId() + " " + userRoles);
        }
        AbsenceService.Registration r = new AbsenceService.Registration(body.userId(), body.firstDay(), body.lastDay(), body.delegateId(), body.note());
        absences.problems(r).forEach(errors::putIfAbsent);
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        ApproverAbsence a = absences.register(r, user.getName());
        List<String> moved = absentApprovers.reassignOpenTasksOf(a.getUserId());
        return ResponseEntity.created(URI.create("/api/approver-absences/" + a.getId())).body(View.of(a, moved));
    }

    @GetMapping("/api/approver-absences")
    @PreAuthorize(APPROVERS)
    @Operation(operationId = "listApproverAbsences", summary = "Current and coming absences of approvers, soonest first")
    List<View> list() {
        return absences.currentAndFuture().stream().map(a -> View.of(a, List.of())).toList();
    }

    private Set<String> approverRoles(String userId) {
        return system.call(() -> identity.createGroupQuery().groupMember(userId).list().stream()
                .map(org.operaton.bpm.engine.identity.Group::getId).filter(APPROVER_ROLES::contains).collect(Collectors.toSet()));
    }

    private static boolean has(Authentication user, String role) {
        return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
    }
}
