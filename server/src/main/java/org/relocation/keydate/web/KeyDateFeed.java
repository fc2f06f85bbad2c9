package org.relocation.keydate.web;

import org.relocation.identity.CaseAccess;
import org.relocation.keydate.KeyDateService;
import org.relocation.keydate.UpcomingKeyDate;
import org.relocation.platform.web.BadRequestException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The key-date calendar of one user, whichever way they came (Basic on {@code /calendar.ics}, or their personal feed
 * token): scope "mine" (the cases they opened or worked a task on, among those they may read) or "team" (every case they
 * may read; the caller checks the role), from 30 days ago to three years ahead.
 */
@Component
class KeyDateFeed {

    private static final int CALENDAR_MAX_EVENTS = 1000;

    private final KeyDateService keyDates;
    private final CaseAccess access;
    private final Clock clock;

    KeyDateFeed(KeyDateService keyDates, CaseAccess access, Clock clock) {
        this.keyDates = keyDates;
        this.access = access;
        this.clock = clock;
    }

    /** 400 for a scope other than mine or team; 403 for the team calendar to a role that does not run cases. */
    void checkScope(String scope, Authentication user) {
        if (!scope.equals("mine") && !scope.equals("team")) {
            throw new BadRequestException(Map.of("scope", "Choose the feed's scope: mine or team."));
        }
        if (scope.equals("team") && !access.runsCases(user)) {
            throw new AccessDeniedException("The team calendar is for the roles that run cases");
        }
    }

    ResponseEntity<String> render(String scope, Authentication user) {
        LocalDate today = LocalDate.now(clock);
        List<UpcomingKeyDate> items = keyDates.upcoming(today.minusDays(30), today.plusYears(3), null, null, access.scope(user),
                access.personalInScope(user), scope.equals("mine") ? user.getName() : null, 0, CALENDAR_MAX_EVENTS).getContent();
        String name = scope.equals("mine") ? "Key dates of " + user.getName() : "Key dates of all cases";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"key-dates.ics\"")
                .body(KeyDateCalendar.render(name, items, clock.instant(), "relocation-engine"));
    }
}
