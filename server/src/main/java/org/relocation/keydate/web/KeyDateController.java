package org.relocation.keydate.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.operaton.bpm.engine.ManagementService;
import org.relocation.keydate.KeyDate;
import org.relocation.keydate.BusinessCalendar;
import org.relocation.keydate.InvalidKeyDateException;
import org.relocation.keydate.KeyDateKind;
import org.relocation.keydate.KeyDateService;
import org.relocation.platform.engine.ConcurrentChanges;
import org.relocation.platform.web.BadRequestException;
import org.relocation.platform.web.Paged;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The key-date register across all cases: upcoming dates by window, host country and kind; one key date with the
 * engine timers that will remind of it; registering or moving a date; and an iCalendar feed of the caller's cases.
 */
@RestController
@RequestMapping("/api/key-dates")
@Tag(name = "Key dates", description = "Permit, visa and passport expiries, appointments, deadlines and rechecks, with their reminders")
class KeyDateController {

    private static final String READERS = "hasAnyRole('mobility-specialist','manager','hr-admin','admin','employee')";
    private static final String WRITERS = "hasAnyRole('mobility-specialist','hr-admin','admin')";
    private static final String STAFF = "hasAnyRole('mobility-specialist','manager','hr-admin','admin')";
    /** The engine timers of the key-date process, in the order they usually fire. */
    private static final List<String> TIMERS = List.of("renewal-due", "reminder-due", "key-date-due");
    private static final int DEFAULT_WINDOW_DAYS = 90;
    private static final int MAX_WINDOW_DAYS = 3660;
    private static final int REGISTER_ATTEMPTS = 5;

    private final KeyDateService keyDates;
    private final CaseService cases;
    private final ManagementService management;
    private final Clock clock;
    private final CaseAccess access;
    private final KeyDateFeed feed;

    KeyDateController(KeyDateService keyDates, CaseService cases, ManagementService management, Clock clock, CaseAccess access,
                      KeyDateFeed feed) {
        this.access = access;
        this.feed = feed;
        this.keyDates = keyDates;
        this.cases = cases;
        this.management = management;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(operationId = "listUpcomingKeyDates", summary = "Upcoming key dates across all cases, soonest first",
            description = "Window from..to (ISO dates, default today and 90 days on), country (host country, ISO 3166-1 alpha-2), kind. "
                    + "Only cases still followed (in progress or completed) that the caller may read (see GET /api/cases/{id}): "
                    + "the roles that run cases every case, a manager the cases they act on, an employee their own; passport "
                    + "expiries only for readers of personal details. 400 for bad parameters.")
    Paged<KeyDateViews.Item> list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                              @RequestParam(required = false) String country,
                                              @RequestParam(required = false) String kind,
                                              @RequestParam(defaultValue = "0") int page,
                                              @RequestParam(defaultValue = "20") int size,
                                              Authentication user) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate start = from != null ? from : LocalDate.now(clock);
        LocalDate end = to != null ? to : start.plusDays(DEFAULT_WINDOW_DAYS);
        if (end.isBefore(start)) {
            errors.put("to", "must not be before from");
        } else if (ChronoUnit.DAYS.between(start, end) > MAX_WINDOW_DAYS) {
            errors.put("to", "must be at most " + MAX_WINDOW_DAYS + " days after from");
        }
        checkCountry(country, errors);
        checkKind(kind, errors);
        Paged.check(page, size, 100, errors);
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        var result = keyDates.upcoming(start, end, country, kind, access.scope(user), access.personalInScope(user), null, page, size);
        return Paged.of(result.getContent().stream().map(KeyDateViews.Item::of).toList(), page, size, result);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(operationId = "getKeyDate", summary = "One key date: the engine timers waiting to remind of it (with their due instants) and the reminders sent")
    KeyDateViews.Details get(@PathVariable long id, Authentication user) {
        KeyDate k = keyDates.find(id).orElseThrow(() -> new KeyDateNotFoundException(id));
        RelocationCase c;
        try {
            c = cases.readable(k.getCaseId(), access.scope(user));
        } catch (CaseNotFoundException e) {
            throw new KeyDateNotFoundException(id); // nothing is learnt of cases beyond the caller's scope
        }
        if (KeyDateKind.PERSONAL.contains(k.getKind()) && !access.fields(user, c).contains(CaseFields.PERSONAL)) {
            throw new KeyDateNotFoundException(id);
        }
        List<KeyDateViews.Timer> timers = k.getProcessInstanceId() == null ? List.of() : TIMERS.stream()
                .flatMap(activity -> management.createJobQuery().processInstanceId(k.getProcessInstanceId()).activityId(activity).list()
                        .stream().map(job -> new KeyDateViews.Timer(activity, job.getDuedate().toInstant())))
                .toList();
        return KeyDateViews.details(k, c.getCaseNumber(), c.getHostCountry(), timers, keyDates.reminders(id));
    }

    @PostMapping
    @PreAuthorize(WRITERS)
    @Operation(operationId = "registerKeyDate", summary = "Register a key date, or move it (one per case, traveller and kind)",
            description = "travellerId empty: the employee. A moved date re-plans its reminders and renewal. 400 problem details "
                    + "naming each bad field (unknown case, traveller or kind, a date in the past), nothing written.")
    @ApiResponse(responseCode = "201", description = "Registered or moved; Location names the key date", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "Its follow-up kept changing at the same moment; nothing written, try again")
    ResponseEntity<KeyDateViews.Details> register(@RequestBody KeyDateViews.Request body, Authentication user) {
        if (body == null) {
            throw new BadRequestException(Map.of("body", "is required"));
        }
        KeyDateService.Registration registration = new KeyDateService.Registration(body.caseId(), body.travellerId(), body.kind(),
                body.dueDate(), body.note());
        KeyDate k;
        try {
            // the follow-up being replaced may be moving on at that moment (its worker completing a task): try again
            k = ConcurrentChanges.retry(REGISTER_ATTEMPTS, 50, () -> keyDates.register(registration));
        } catch (InvalidKeyDateException e) {
            throw new BadRequestException(e.getFieldErrors());
        }
        return ResponseEntity.created(URI.create("/api/key-dates/" + k.getId())).body(get(k.getId(), user));
    }

    @GetMapping(value = "/calendar.ics", produces = "text/calendar")
    @PreAuthorize(STAFF)
    @Operation(operationId = "getKeyDateCalendar", summary = "iCalendar feed (RFC 5545) of key dates",
            description = "scope=mine (default): the cases the caller opened or worked a task on, among those they may read; "
                    + "scope=team: every case followed, only for the roles that run cases (mobility-specialist, hr-admin, admin; 403 "
                    + "for others). Passport expiries only for readers of personal details. From 30 days ago to three years ahead.")
    @ApiResponse(responseCode = "200", description = "The calendar (VCALENDAR with one VEVENT per key date)",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string")))
    ResponseEntity<String> calendar(@RequestParam(defaultValue = "mine") String scope, Authentication user) {
        feed.checkScope(scope, user);
        return feed.render(scope, user);
    }

    private static void checkCountry(String country, Map<String, String> errors) {
        if (country != null && !BusinessCalendar.isCountry(country)) {
            errors.put("country", "is not an ISO 3166-1 alpha-2 country code such as DE");
        }
    }

    private static void checkKind(String kind, Map<String, String> errors) {
        if (kind != null && KeyDateKind.fromCode(kind).isEmpty()) {
            errors.put("kind", "must be one of " + KeyDateKind.codes());
        }
    }
}
