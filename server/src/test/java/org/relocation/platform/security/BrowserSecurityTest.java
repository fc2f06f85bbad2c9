package org.relocation.platform.security;

import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browsers at the HTTP boundary: another site's page can neither post to the APIs or the webapps (403 on a foreign
 * Origin or Sec-Fetch-Site: cross-site), nor make the browser cache Basic credentials (no challenge to a page's
 * requests); the session cookie is SameSite, and Secure behind TLS.
 */
@ServerTest
class BrowserSecurityTest {

    private static final String EVIL = "https://evil.example";
    private static final String DEPLOYMENT = "--b\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nx\r\n--b--\r\n";

    @LocalServerPort
    int port;

    private String intake() {
        return Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "250000").toString();
    }

    @Test
    void aForeignOriginCannotPostToEngineRestTheCaseApiOrTheWebapps() {
        Http owner = new Http(port).basic("owner", "demo");
        assertRefused(owner.post("/engine-rest/deployment/create", "multipart/form-data; boundary=b", DEPLOYMENT, "Origin", EVIL));
        assertRefused(owner.post("/engine-rest/engine/default/deployment/create", "multipart/form-data; boundary=b", DEPLOYMENT, "Origin", EVIL));
        Http specialist = new Http(port).basic("specialist", "demo");
        assertRefused(specialist.post("/api/cases", "application/json", intake(), "Origin", EVIL));
        assertRefused(specialist.post("/api/cases", "application/json", intake(), "Origin", "null"));
        assertRefused(specialist.post("/api/cases", "application/json", intake(), "Sec-Fetch-Site", "cross-site"));
        // a same-looking origin on another port or scheme is another origin
        assertRefused(specialist.post("/api/cases", "application/json", intake(), "Origin", "http://localhost:" + (port + 1)));
        assertRefused(specialist.post("/api/cases", "application/json", intake(), "Origin", "https://localhost:" + port));

        // the webapps: a logged-in session with a valid CSRF token, as a foreign page riding on the cookie would have
        Http browser = Http.from(port, "198.51.100.70");
        assertThat(browser.webappLogin("admin", "demo").statusCode()).isEqualTo(200);
        String token = browser.csrfToken();
        assertRefused(browser.post("/operaton/api/engine/engine/default/task/count", "application/json", "{}",
                "X-XSRF-TOKEN", token, "Origin", EVIL));
        assertThat(browser.post("/operaton/api/engine/engine/default/task/count", "application/json", "{}",
                "X-XSRF-TOKEN", token, "Origin", browser.origin(), "Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(200);
    }

    @Test
    void aSameOriginOrAllowedPostStillWorksAndVendorCallbacksAreExempt() {
        Http specialist = new Http(port).basic("specialist", "demo");
        HttpResponse<String> same = specialist.post("/api/cases", "application/json", intake(),
                "Origin", specialist.origin(), "Sec-Fetch-Site", "same-origin");
        assertThat(same.statusCode()).as(same.body()).isEqualTo(201);
        // relocation.security.allowed-origins (the test profile allows https://tasklist.example)
        HttpResponse<String> allowed = specialist.post("/api/cases", "application/json", intake(), "Origin", "https://Tasklist.example:443");
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(201);
        // no browser headers at all: curl, the workers
        assertThat(specialist.post("/api/cases", "application/json", intake()).statusCode()).isEqualTo(201);
        // a vendor's server-to-server callback is judged by its signature, not by an Origin
        assertThat(new Http(port).post("/api/vendor-callbacks/housing", "application/json", "{}", "Origin", EVIL).statusCode()).isNotEqualTo(403);
    }

    @Test
    void aPagesRequestGetsNoBasicChallengeACurlLikeClientDoes() {
        Http client = new Http(port);
        HttpResponse<String> curl = client.get("/api/cases");
        assertThat(curl.statusCode()).isEqualTo(401);
        assertThat(curl.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic "));
        HttpResponse<String> typedIntoTheAddressBar = client.get("/api/cases", "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Site", "none");
        assertThat(typedIntoTheAddressBar.headers().firstValue("WWW-Authenticate")).isPresent();

        for (List<String> page : List.of(List.of("Sec-Fetch-Mode", "cors"), List.of("Sec-Fetch-Mode", "no-cors"),
                List.of("X-Requested-With", "XMLHttpRequest"))) {
            HttpResponse<String> r = client.get("/engine-rest/deployment", page.get(0), page.get(1));
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate")).as("%s", page).isEmpty();
        }
        // wrong credentials sent by a page: no challenge either
        HttpResponse<String> wrong = Http.from(port, "198.51.100.80").basic("manager", "nope")
                .get("/api/cases", "Sec-Fetch-Mode", "cors");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void theSessionCookieIsSameSiteAndSecureBehindTls() {
        HttpResponse<String> plain = Http.from(port, "198.51.100.90").webappLogin("specialist", "demo");
        assertThat(plain.statusCode()).as(plain.body()).isEqualTo(200);
        String cookie = sessionCookie(plain);
        assertThat(cookie).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly").doesNotContainIgnoringCase("Secure");

        // behind a TLS proxy (X-Forwarded-Proto from a trusted proxy) the session made by the webapps is Secure
        HttpResponse<String> tls = Http.from(port, "198.51.100.91").header("X-Forwarded-Proto", "https").get("/operaton/api/admin/auth/user/default");
        assertThat(sessionCookie(tls)).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("; Secure");
    }

    private static String sessionCookie(HttpResponse<String> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
    }

    private static void assertRefused(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
        assertThat(r.body()).contains("another site");
    }
}
