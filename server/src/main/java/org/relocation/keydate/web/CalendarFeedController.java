package org.relocation.keydate.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.identity.Group;
import org.relocation.identity.CaseAccess;
import org.relocation.keydate.CalendarFeedToken;
import org.relocation.keydate.CalendarFeedTokens;
import org.relocation.platform.engine.SystemContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * Personal calendar feeds: a secret address per user and scope that a calendar application subscribes to without a
 * login (Basic cannot be entered there). The user creates, lists and revokes their own feeds; creating a feed of a
 * scope replaces (revokes) the previous one. Each fetch of a feed reads the user and their roles again: a user
 * removed, or no longer in a role that may read the calendar, gets 404, as does a revoked or unknown address.
 */
@RestController
@Tag(name = "Calendar feeds", description = "Your personal, revocable key-date calendar addresses for calendar applications")
class CalendarFeedController {

    private static final String STAFF = "hasAnyRole('mobility-specialist','manager','hr-admin','admin')";
    private static final Set<String> STAFF_ROLES = Set.of("mobility-specialist", "manager", "hr-admin", "admin");
    private static final String NOT_FOUND = "No calendar feed at this address";

    private final CalendarFeedTokens tokens;
    private final KeyDateFeed feed;
    private final CaseAccess access;
    private final IdentityService identity;
    private final SystemContext system;

    CalendarFeedController(CalendarFeedTokens tokens, KeyDateFeed feed, CaseAccess access, IdentityService identity, SystemContext system) {
        this.tokens = tokens;
        this.feed = feed;
        this.access = access;
        this.identity = identity;
        this.system = system;
    }

    @PostMapping("/api/me/calendar-feeds")
    @PreAuthorize(STAFF)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createCalendarFeed", summary = "Create your personal calendar feed of a scope (replaces your previous one)",
            description = "scope mine (default) or team (only for the roles that run cases: mobility-specialist, hr-admin, admin; 403 "
                    + "for others). The answer's url is the feed's secret address, shown this once (only its hash is stored); "
                    + "your previous feed of that scope stops working (rotation).")
    @ApiResponse(responseCode = "201", description = "Created; subscribe to url", useReturnTypeSchema = true)
    ResponseEntity<CalendarFeedViews.Created> create(@RequestBody(required = false) CalendarFeedViews.Request body, Authentication user) {
        String scope = body == null || body.scope() == null ? "mine" : body.scope();
        feed.checkScope(scope, user);
        CalendarFeedTokens.Created created = tokens.create(user.getName(), scope);
        URI url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/key-dates/feeds/{token}.ics")
                .buildAndExpand(created.token()).toUri();
        CalendarFeedToken t = created.feed();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new CalendarFeedViews.Created(t.getId(), t.getScope(), url.toString(), t.getCreatedAt()));
    }

    @GetMapping("/api/me/calendar-feeds")
    @PreAuthorize(STAFF)
    @Operation(operationId = "listCalendarFeeds", summary = "Your live calendar feeds (without their secret addresses)")
    List<CalendarFeedViews.Feed> list(Authentication user) {
        return tokens.live(user.getName()).stream().map(CalendarFeedViews.Feed::of).toList();
    }

    @DeleteMapping("/api/me/calendar-feeds/{id}")
    @PreAuthorize(STAFF)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "revokeCalendarFeed", summary = "Revoke one of your calendar feeds: its address stops working",
            description = "404 for a feed that is not yours, unknown or already revoked.")
    @ApiResponse(responseCode = "204", description = "Revoked")
    void revoke(@PathVariable long id, Authentication user) {
        if (!tokens.revoke(user.getName(), id)) {
            throw new KeyDateNotFoundException("No live calendar feed " + id + " of yours");
        }
    }

    @GetMapping(value = "/api/key-dates/feeds/{token}.ics", produces = "text/calendar")
    @Operation(operationId = "getCalendarFeed", summary = "A personal key-date calendar (RFC 5545), by its secret address; no login",
            description = "The calendar of GET /api/key-dates/calendar.ics for the feed's user and scope, as that user may read it "
                    + "now. 404 for an unknown or revoked address, a user removed or no longer in a role that reads the calendar "
                    + "(or, for scope team, that runs cases).")
    @ApiResponse(responseCode = "200", description = "The calendar (VCALENDAR with one VEVENT per key date)",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "401", description = "Wrong credentials were sent along (the address needs none)")
    ResponseEntity<String> calendar(@PathVariable String token) {
        CalendarFeedToken t = tokens.use(token).orElseThrow(() -> new KeyDateNotFoundException(NOT_FOUND));
        Authentication user = system.call(() -> userNow(t.getUserId()));
        boolean staff = user != null && user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> STAFF_ROLES.contains(a.substring("ROLE_".length())));
        if (!staff || (t.getScope().equals("team") && !access.runsCases(user))) {
            throw new KeyDateNotFoundException(NOT_FOUND);
        }
        return feed.render(t.getScope(), user);
    }

    /** The user as the identity service knows them now, with their groups as roles; null when no longer there. */
    private Authentication userNow(String userId) {
        if (identity.createUserQuery().userId(userId).count() == 0) {
            return null;
        }
        List<SimpleGrantedAuthority> roles = identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).map(g -> new SimpleGrantedAuthority("ROLE_" + g)).toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, roles);
    }
}
