package org.relocation.approval.web;

import org.relocation.platform.web.Problems;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;
import org.relocation.approval.ApprovalStep;
import org.relocation.audit.DecisionKind;
import org.relocation.audit.DecisionLog;
import org.relocation.identity.Roles;
import org.relocation.platform.engine.SystemContext;
import org.relocation.platform.web.BadRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reassigning an approval when its approver is absent: HR administration, or an approver of the same role, hands
 * the task to another member of the approver role. Recorded in the case's decision log.
 */
@RestController
@Tag(name = "Approvals") // described once, on ApproverAbsenceController: one tag, one description
class ApprovalTaskController {

    private final TaskService tasks;
    private final IdentityService identity;
    private final SystemContext system;
    private final DecisionLog log;

    ApprovalTaskController(TaskService tasks, IdentityService identity, SystemContext system, DecisionLog log) {
        this.tasks = tasks;
        this.identity = identity;
        this.system = system;
        this.log = log;
    }

    @Schema(name = "ApprovalDelegation")
    record Delegation(String to, String reason) {
    }

    @PostMapping("/api/approval-tasks/{taskId}/delegate")
    @PreAuthorize("hasAnyRole('manager','finance','hr-lead','senior-manager','hr-admin','admin')")
    @Operation(operationId = "delegateApprovalTask", summary = "Hand an open approval task to another approver of the same role",
            description = "Body: to (a user in the task's approver role), reason (3-500 characters). 200 with the new assignee; 400 naming "
                    + "each bad field; 404 for a task that is not an open approval; 403 for a caller outside the approver role and HR administration.")
    @ApiResponse(responseCode = "200", description = "Reassigned, and logged in the case's decision log",
            content = @Content(schema = @Schema(implementation = Delegated.class)))
    @ApiResponse(responseCode = "409", description = "A concurrent change; nothing written, try again")
    @Transactional
    ResponseEntity<?> delegate(@PathVariable String taskId, @RequestBody(required = false) Delegation body, Authentication user) {
        Task task = system.call(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
        ApprovalStep step = task == null ? null : ApprovalStep.ofTask(task.getTaskDefinitionKey()).orElse(null);
        if (step == null) {
            ProblemDetail p = Problems.of(HttpStatus.NOT_FOUND, "Not found", "No open approval task " + taskId);
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(p);
        }
        boolean administration = has(user, Roles.HR_ADMIN) || has(user, Roles.ADMIN);
        if (!administration && !has(user, step.approverGroup())) {
            ProblemDetail p = Problems.of(HttpStatus.FORBIDDEN, "Forbidden", "Only HR administration or a " + step.approverGroup()
                    + " approver may reassign this approval");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(p);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (body == null || body.to() == null || body.to().isBlank()) {
            errors.put("to", "is required");
        } else if (body.to().equals(task.getAssignee())) {
            errors.put("to", "already has the task");
        } else if (system.call(() -> identity.createUserQuery().userId(body.to()).memberOfGroup(step.approverGroup()).count()) == 0) {
            errors.put("to", "must be a user in the " + step.approverGroup() + " role");
        }
        if (body == null || body.reason() == null || body.reason().trim().length() < 3 || body.reason().length() > 500) {
            errors.put("reason", "is required, 3-500 characters (e.g. the approver is on leave until ...)");
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        String previous = task.getAssignee();
        system.call(() -> {
            tasks.setAssignee(taskId, body.to());
            return null;
        });
        Object caseId = system.call(() -> tasks.getVariable(taskId, "caseId"));
        if (caseId instanceof Number n) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("step", step.taskKey());
            details.put("from", previous);
            details.put("to", body.to());
            details.put("reason", body.reason().trim());
            log.append(n.longValue(), DecisionKind.APPROVAL, step.taskKey(), "Approval task reassigned to " + body.to(), details, user.getName());
        }
        return ResponseEntity.ok(new Delegated(taskId, body.to(), step.taskKey()));
    }

    /** The approval task and its new assignee; {@code step} is the approval's task key. */
    @Schema(name = "ApprovalDelegated")
    record Delegated(String taskId, String assignee, String step) {
    }

    private static boolean has(Authentication user, String role) {
        return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
    }
}
