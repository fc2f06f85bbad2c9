package org.relocation.platform.security;

import org.junit.jupiter.api.Test;
import org.relocation.ServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case workspace uses the Tasklist's login too: after logging in to the webapps, the page's own requests
 * (X-Requested-With) to the case, key-date, policy-exception and "me" APIs are the person's; without the header the
 * session counts for nothing (401), a path that only starts like them is not opened, and a foreign site cannot post.
 */
@ServerTest
class WorkspaceSessionTest {

    private static final String[] PAGE = {"X-Requested-With", "fetch"};

    @LocalServerPort
    int port;

    @Test
    void aSpecialistsSessionOpensTheWorkspaceApisToThePagesRequests() {
        Http browser = Http.from(port, "198.51.100.131");
        assertThat(browser.webappLogin("specialist", "demo").statusCode()).isEqualTo(200);

        HttpResponse<String> me = browser.get("/api/me", PAGE);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains("\"userId\":\"specialist\"").contains("mobility-specialist");
        HttpResponse<String> cases = browser.get("/api/cases?mine=true", PAGE);
        assertThat(cases.statusCode()).as(cases.body()).isEqualTo(200);
        assertThat(cases.body()).contains("\"items\"");
        assertThat(browser.get("/api/key-dates?from=2027-01-01&to=2027-01-31", PAGE).statusCode()).isEqualTo(200);

        assertThat(browser.get("/api/me").statusCode()).as("no X-Requested-With: not a page's request").isEqualTo(401);
        assertThat(browser.get("/api/cases").statusCode()).isEqualTo(401);
        assertThat(browser.get("/api/messages", PAGE).statusCode()).as("only /api/me and below, not every /api/me…").isEqualTo(401);

        HttpResponse<String> foreign = browser.post("/api/cases", "application/json", "{}",
                "X-Requested-With", "fetch", "Origin", "https://evil.example");
        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
        HttpResponse<String> same = browser.post("/api/cases", "application/json", "{}",
                "X-Requested-With", "fetch", "Origin", browser.origin());
        assertThat(same.statusCode()).as("authenticated, and a bad intake: %s", same.body()).isEqualTo(400);

        // what the case page reads of a case it has just opened, one call after the other
        HttpResponse<String> opened = browser.post("/api/cases", "application/json", org.relocation.Api.intake("employee", "IN", "GB", "DE",
                "LONG_TERM", "250000").toString(), "X-Requested-With", "fetch", "Origin", browser.origin());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String id = opened.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1");
        String number = opened.body().replaceAll("(?s).*\"caseNumber\":\"([^\"]+)\".*", "$1");
        for (String path : new String[]{"/api/cases?caseNumber=" + number, "/api/cases/" + id, "/api/cases/" + id + "/estimates",
                "/api/cases/" + id + "/policy-decisions", "/api/cases/" + id + "/decision-log", "/api/cases/" + id}) {
            HttpResponse<String> read = browser.get(path, PAGE);
            assertThat(read.statusCode()).as("%s: %s", path, read.body()).isEqualTo(200);
        }
    }

    /**
     * The case page may read a case's parts at once: many requests of one session in parallel, with the Tasklist's own
     * requests of that session (which refresh the webapps' login in the session) in between, are all the person's.
     */
    @Test
    void parallelRequestsOfOneSessionAreAllAuthenticated() throws Exception {
        Http browser = Http.from(port, "198.51.100.134");
        assertThat(browser.webappLogin("specialist", "demo").statusCode()).isEqualTo(200);
        HttpResponse<String> opened = browser.post("/api/cases", "application/json", org.relocation.Api.intake("employee", "IN", "GB", "DE",
                "LONG_TERM", "250000").toString(), "X-Requested-With", "fetch", "Origin", browser.origin());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String id = opened.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1");
        List<String> paths = List.of("/api/me", "/api/cases/" + id, "/api/cases/" + id + "/estimates",
                "/api/cases/" + id + "/policy-decisions", "/api/cases/" + id + "/decision-log", "/api/me/calendar-feeds");

        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 15; round++) {
                List<Callable<String>> calls = new ArrayList<>();
                paths.forEach(path -> calls.add(() -> answer(path, browser.get(path, PAGE))));
                // the Tasklist in another tab of the same browser: its requests pass the webapps' authentication filter
                calls.add(() -> answer("tasklist", browser.get("/operaton/api/admin/auth/user/default")));
                List<String> answers = new ArrayList<>();
                for (Future<String> answer : threads.invokeAll(calls)) {
                    answers.add(answer.get());
                }
                assertThat(answers).as("round %d", round).allSatisfy(a -> assertThat(a).contains(" 200 "))
                        .as("the session keeps its id").noneMatch(a -> a.contains("JSESSIONID"));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** What a request answered, with any new session cookie: a session changed by one request is lost for those in flight. */
    private static String answer(String path, HttpResponse<String> response) {
        return path + " " + response.statusCode() + " " + response.headers().allValues("Set-Cookie");
    }

    @Test
    void anEmployeesSessionReadsOnlyTheirOwnCasesAndNoLoginIsUnauthorized() {
        Http employee = Http.from(port, "198.51.100.132");
        assertThat(employee.webappLogin("employee", "demo").statusCode()).isEqualTo(200);
        HttpResponse<String> me = employee.get("/api/me", PAGE);
        assertThat(me.body()).contains("\"roles\":[\"employee\"]");
        assertThat(employee.get("/api/cases/" + Long.MAX_VALUE, PAGE).statusCode()).isEqualTo(404);
        assertThat(employee.post("/api/cases", "application/json", "{}", "X-Requested-With", "fetch", "Origin", employee.origin())
                .statusCode()).as("only who runs cases opens one").isEqualTo(403);

        Http nobody = Http.from(port, "198.51.100.133");
        nobody.csrfToken();
        assertThat(nobody.get("/api/me", PAGE).statusCode()).isEqualTo(401);
    }
}
