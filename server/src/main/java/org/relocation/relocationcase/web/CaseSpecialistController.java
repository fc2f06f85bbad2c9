package org.relocation.relocationcase.web;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.relocation.platform.web.BadRequestException;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.relocationcase.engine.SpecialistTasks;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** HR administration hands a case to another mobility specialist; logged on the timeline and in the decision log. */
@RestController
@Tag(name = "Cases")
class CaseSpecialistController {

    private final CaseService cases;
    private final SpecialistTasks specialistTasks;

    CaseSpecialistController(CaseService cases, SpecialistTasks specialistTasks) {
        this.cases = cases;
        this.specialistTasks = specialistTasks;
    }

    @Schema(name = "SpecialistReassignment")
    record Reassignment(String userId, String reason) {
    }

    @Schema(name = "SpecialistReassigned")
    record Reassigned(Long caseId, String caseNumber, String specialist, String previousSpecialist, List<String> tasks) {
    }

    @PutMapping("/api/cases/{id}/specialist")
    @PreAuthorize("hasAnyRole('hr-admin','admin')")
    @Operation(operationId = "reassignCaseSpecialist", summary = "Hand the case to another mobility specialist",
            description = "Body: userId (a user of the mobility-specialist role), reason (3-500 characters). The case's open specialist "
                    + "tasks name the new specialist as candidate instead (a task the previous one had claimed is handed over); the role "
                    + "stays a candidate. Logged on the timeline and in the decision log with who and when. 200 with the tasks changed; "
                    + "400 naming each bad field; 404 unknown case; 403 for anyone but HR administration and administrators.")
    @ApiResponse(responseCode = "200", description = "Handed over", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "A concurrent change; nothing written, try again")
    @Transactional
    Reassigned reassign(@PathVariable long id, @RequestBody(required = false) Reassignment body, Authentication user) {
        if (body == null) {
            throw new BadRequestException(Map.of("body", "is required: userId and reason"));
        }
        String previous = cases.reassignSpecialist(id, body.userId(), body.reason(), user.getName());
        RelocationCase c = cases.get(id);
        List<String> moved = specialistTasks.handOver(c.getCaseNumber(), previous, c.getSpecialistUserId());
        return new Reassigned(c.getId(), c.getCaseNumber(), c.getSpecialistUserId(), previous, moved);
    }
}
