package org.relocation.keydate;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.operaton.bpm.engine.IdentityService;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.relocation.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal calendar feeds: a secret address a calendar application fetches without a login; rotated by creating a new
 * one, revoked by its owner only; a user who leaves the role loses the feed; readable titles; the secret never in the
 * logs and never listed again.
 */
@ServerTest
@ExtendWith(OutputCaptureExtension.class)
class CalendarFeedTest {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    private RestClient anonymous() {
        return RestClient.builder().baseUrl("http://localhost:" + port).defaultStatusHandler(s -> true, (req, res) -> { }).build();
    }

    private ResponseEntity<String> fetch(String url) {
        return anonymous().get().uri(URI.create(url).getPath()).retrieve().toEntity(String.class);
    }

    private int delete(String user, String id) {
        return anonymous().delete().uri("/api/me/calendar-feeds/" + id)
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":demo").getBytes()))
                .retrieve().toBodilessEntity().getStatusCode().value();
    }

    private JsonNode create(Api api, String scope) {
        ResponseEntity<JsonNode> r = api.post("/api/me/calendar-feeds", Map.of("scope", scope));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        assertThat(r.getBody().get("url").asText()).contains("/api/key-dates/feeds/").endsWith(".ics");
        return r.getBody();
    }

    @Test
    void aFeedIsReadWithoutLoginUntilRotatedOrRevoked(CapturedOutput output) {
        Api specialist = Api.as(port, "specialist");
        JsonNode c = specialist.openCase(Api.intake("employee", "IN", "GB", "NL", "LONG_TERM", "90000"));
        ResponseEntity<JsonNode> keyDate = specialist.post("/api/key-dates", Map.of("caseId", c.get("id").asLong(), "kind", "visa-expiry",
                "dueDate", LocalDate.now().plusDays(300).toString()));
        assertThat(keyDate.getStatusCode().value()).as("%s", keyDate.getBody()).isEqualTo(201);

        JsonNode first = create(specialist, "mine");
        String url = first.get("url").asText();
        ResponseEntity<String> feed = fetch(url);
        assertThat(feed.getStatusCode().value()).isEqualTo(200);
        assertThat(feed.getHeaders().getContentType().toString()).startsWith("text/calendar");
        assertThat(feed.getBody().replace("\r\n ", "")).startsWith("BEGIN:VCALENDAR")
                .contains("SUMMARY:" + c.get("caseNumber").asText() + " · Visa expires · NL")
                .doesNotContain("Test Employee");

        // listed without its secret
        JsonNode listed = specialist.get("/api/me/calendar-feeds").getBody();
        assertThat(listed.toString()).contains("\"id\":" + first.get("id").asText()).doesNotContain(url.substring(url.lastIndexOf('/') + 1, url.length() - 4));

        // another user cannot revoke it
        assertThat(delete("manager", first.get("id").asText())).isEqualTo(404);
        assertThat(fetch(url).getStatusCode().value()).isEqualTo(200);

        // rotated: the old address is gone
        JsonNode second = create(specialist, "mine");
        assertThat(fetch(url).getStatusCode().value()).isEqualTo(404);
        assertThat(fetch(second.get("url").asText()).getStatusCode().value()).isEqualTo(200);

        // revoked by its owner
        assertThat(delete("specialist", second.get("id").asText())).isEqualTo(204);
        assertThat(fetch(second.get("url").asText()).getStatusCode().value()).isEqualTo(404);
        assertThat(delete("specialist", second.get("id").asText())).isEqualTo(404);

        // an address never issued
        assertThat(fetch("/api/key-dates/feeds/not-a-token.ics").getStatusCode().value()).isEqualTo(404);

        String token = url.substring(url.lastIndexOf('/') + 1, url.length() - 4);
        assertThat(output.getAll()).doesNotContain(token);
    }

    @Test
    void aUserRemovedFromTheRoleLosesTheTeamFeed() {
        String user = TestUsers.create(identity, "cal", "mobility-specialist");
        String url = create(Api.as(port, user), "team").get("url").asText();
        assertThat(fetch(url).getStatusCode().value()).isEqualTo(200);
        identity.deleteMembership(user, "mobility-specialist");
        assertThat(fetch(url).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void theTeamFeedIsForTheRolesThatRunCasesAndTheScopeIsChecked() {
        Api manager = Api.as(port, "manager");
        assertThat(manager.post("/api/me/calendar-feeds", Map.of("scope", "team")).getStatusCode().value()).isEqualTo(403);
        ResponseEntity<JsonNode> bad = manager.post("/api/me/calendar-feeds", Map.of("scope", "everyone"));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().get("fieldErrors").has("scope")).as("%s", bad.getBody()).isTrue();
        assertThat(fetch(create(manager, "mine").get("url").asText()).getStatusCode().value()).isEqualTo(200);
        assertThat(Api.as(port, "employee").post("/api/me/calendar-feeds", Map.of("scope", "mine")).getStatusCode().value()).isEqualTo(403);
    }
}
