package org.relocation.keydate.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.relocation.keydate.CalendarFeedToken;

import java.time.Instant;

/** The personal calendar feed API's bodies: the token itself only in the answer that created it. */
final class CalendarFeedViews {

    private CalendarFeedViews() {
    }

    @Schema(name = "CalendarFeedRequest", description = "Which calendar to subscribe to")
    record Request(
            @Schema(description = "mine: the cases you opened or worked a task on; team: every case followed (roles that run cases)",
                    allowableValues = {"mine", "team"}, defaultValue = "mine", example = "mine") String scope) {
    }

    @Schema(name = "CalendarFeed", description = "A live personal calendar feed (its secret address is shown only when created)")
    record Feed(
            @Schema(example = "12", requiredMode = Schema.RequiredMode.REQUIRED) long id,
            @Schema(allowableValues = {"mine", "team"}, example = "mine", requiredMode = Schema.RequiredMode.REQUIRED) String scope,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
            @Schema(description = "Last fetched by a calendar application (recorded at most hourly); empty when never") Instant lastUsedAt) {

        static Feed of(CalendarFeedToken t) {
            return new Feed(t.getId(), t.getScope(), t.getCreatedAt(), t.getLastUsedAt());
        }
    }

    @Schema(name = "NewCalendarFeed", description = "A new personal calendar feed: subscribe to url in a calendar application. "
            + "The url is the secret: it is shown this once; create a new feed to replace it")
    record Created(
            @Schema(example = "12", requiredMode = Schema.RequiredMode.REQUIRED) long id,
            @Schema(allowableValues = {"mine", "team"}, example = "mine", requiredMode = Schema.RequiredMode.REQUIRED) String scope,
            @Schema(example = "https://relocation.example.com/api/key-dates/feeds/3q2-7w….ics", requiredMode = Schema.RequiredMode.REQUIRED) String url,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt) {
    }
}
