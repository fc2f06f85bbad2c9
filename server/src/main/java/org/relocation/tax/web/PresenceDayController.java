package org.relocation.tax.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.relocation.platform.web.BadRequestException;
import org.relocation.tax.InvalidPresenceDaysException;
import org.relocation.tax.PresenceCount;
import org.relocation.tax.PresenceDayService;
import org.springframework.http.HttpStatus;
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

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Presence days of a case's travellers per country and tax year, against the 183-day and treaty limits
 * (docs/pay-and-tax.md "Presence days"). Mobility specialists, HR administration and admin; others 403.
 */
@RestController
@RequestMapping("/api/cases/{caseId}/presence-days")
@Tag(name = "Tax")
class PresenceDayController {

    static final String RECORDERS = "hasAnyRole('mobility-specialist','hr-admin','admin')";

    private final PresenceDayService presence;
    private final Clock clock;

    PresenceDayController(PresenceDayService presence, Clock clock) {
        this.presence = presence;
        this.clock = clock;
    }

    @Schema(name = "PresenceDaysRecording", requiredProperties = {"country", "from", "to"},
            description = "Every day from from to to (inclusive) in a country; a travel day is recorded in both countries")
    record Recording(@Schema(description = "A traveller of the case; absent: the employee", example = "12") Long travellerId,
                     String country,
                     @Schema(example = "2027-03-01") LocalDate from,
                     @Schema(description = "Not before from, within 366 days of it, at most one year ahead", example = "2027-03-14") LocalDate to) {
    }

    @Schema(name = "PresenceCount", requiredProperties = {"travellerId", "relationship", "country", "taxYear", "days", "limit", "status"})
    record Count(long travellerId, String relationship, String country,
                 @Schema(description = "The country's tax year, named after the calendar year it starts in (GB 2026: 2026-04-06 to 2027-04-05)", example = "2027") int taxYear,
                 @Schema(minimum = "0", maximum = "366", example = "152") long days,
                 @Schema(description = "183, or the country's treaty limit", example = "183") int limit,
                 @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The next warning threshold; absent once the limit is reached",
                         example = "170") Integer nextThreshold,
                 @Schema(description = "BELOW the first warning threshold, WARNING (a threshold reached) or REACHED (the limit)")
                 PresenceCount.Status status,
                 @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate lastDay,
                 @JsonInclude(JsonInclude.Include.NON_NULL)
                 @Schema(description = "The day the limit is reached if the traveller stays every day after lastDay; absent when "
                         + "reached or beyond the year") LocalDate limitReachedIfStaying) {
        static Count of(PresenceCount c) {
            return new Count(c.travellerId(), c.relationship(), c.country(), c.taxYear(), c.days(), c.limit(), c.nextThreshold(),
                    c.status(), c.lastDay(), c.limitReachedIfStaying());
        }
    }

    @Schema(name = "PresenceDaysRecorded", requiredProperties = {"added", "counts", "warnings"})
    record Recorded(@Schema(description = "Days added (days recorded before are not counted twice)", example = "14") int added,
                    @Schema(description = "The counts of each tax year the days fall in") List<Count> counts,
                    @Schema(description = "The warnings this recording reached, by notification kind "
                            + "(presence-<threshold>-<country>-<year>-t<travellerId>); each is sent once") List<String> warnings) {
    }

    @Schema(name = "PresenceDays", requiredProperties = {"caseId", "taxYear", "counts"})
    record Counts(long caseId, int taxYear, List<Count> counts) {
    }

    @PostMapping
    @PreAuthorize(RECORDERS)
    @Operation(operationId = "recordPresenceDays", summary = "Record a traveller's days of presence in a country",
            description = "Days already recorded are kept once. When a tax year's count reaches a warning threshold "
                    + "(relocation.tax.presence.warn-at, 150 and 170 by default) or the limit (183, or the country's treaty "
                    + "limit), the specialists' and managers' mailboxes are told once. For assignees and extended business "
                    + "travellers, each threshold in a country other than home is a key date of the traveller "
                    + "(presence-threshold-<days>-<country>-<year>) on the day reached, or projected at the current pace; "
                    + "moved or withdrawn as days are added. 400 naming each bad field, nothing written.")
    @ApiResponse(responseCode = "201", description = "Recorded", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The same days were recorded at the same moment, or a threshold key date "
            + "this recording moves was being planned; nothing written, try again")
    ResponseEntity<Recorded> record(@PathVariable long caseId, @RequestBody Recording body, Authentication user) {
        if (body == null) {
            throw new BadRequestException(Map.of("body", "is required"));
        }
        try {
            var r = presence.record(caseId, body.travellerId(), body.country(), body.from(), body.to(), user.getName());
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(new Recorded(r.added(), r.counts().stream().map(Count::of).toList(), r.warnings()));
        } catch (InvalidPresenceDaysException e) {
            throw new BadRequestException(e.getFieldErrors());
        }
    }

    @GetMapping
    @PreAuthorize(RECORDERS)
    @Operation(operationId = "getPresenceDays", summary = "Each traveller's days per country in a tax year, against the limits")
    @ApiResponse(responseCode = "200", description = "The counts", useReturnTypeSchema = true)
    Counts counts(@PathVariable long caseId,
                  @Schema(description = "The tax year (each country's, named after the calendar year it starts in); default this year (UTC)", minimum = "1970", maximum = "2200")
                  @RequestParam(required = false) Integer taxYear) {
        int year = taxYear != null ? taxYear : LocalDate.now(clock).getYear();
        if (year < 1970 || year > 2200) {
            throw new BadRequestException(Map.of("taxYear", "must be a year between 1970 and 2200"));
        }
        return new Counts(caseId, year, presence.counts(caseId, year).stream().map(Count::of).toList());
    }
}
