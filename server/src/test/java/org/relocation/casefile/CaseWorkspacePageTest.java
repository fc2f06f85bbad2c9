package org.relocation.casefile;

import org.junit.jupiter.api.Test;
import org.relocation.ServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case workspace's files are served from the jar to anyone (they hold no data: everything comes from /api, which
 * authenticates every call), with a content security policy that loads nothing from another site and lets the page
 * preview a document it fetched itself (blob: frames and images).
 */
@ServerTest
class CaseWorkspacePageTest {

    @LocalServerPort
    int port;

    private ResponseEntity<String> get(String path) {
        return RestClient.builder().baseUrl("http://localhost:" + port).defaultStatusHandler(s -> true, (req, res) -> { }).build()
                .get().uri(path).retrieve().toEntity(String.class);
    }

    @Test
    void thePageOpensFromItsFolderAddressWithAPolicyThatLoadsNothingFromElsewhere() {
        for (String path : new String[]{"/cases/", "/cases", "/cases/index.html"}) {
            ResponseEntity<String> page = get(path);
            assertThat(page.getStatusCode().value()).as(path).isEqualTo(200);
            assertThat(page.getBody()).as(path).contains("<title>Cases").contains("src=\"app.js\"")
                    .doesNotContain("https://").doesNotContain("http://").doesNotContain("onclick=");
            String policy = page.getHeaders().getFirst("Content-Security-Policy");
            assertThat(policy).as(path).contains("default-src 'self'").contains("script-src 'self'")
                    .contains("frame-src 'self' blob:").contains("img-src 'self' data: blob:");
            assertThat(page.getHeaders().getFirst(HttpHeaders.SET_COOKIE)).as("no session for a static page").isNull();
        }
    }

    @Test
    void theScriptReadsTheApiWithThePagesHeaderAndTheStylesAreServed() {
        String script = get("/cases/app.js").getBody();
        assertThat(script).contains("/api/cases").contains("/api/me").contains("from '/pages/page.js'")
                .contains("/operaton/app/tasklist/default/#/?task=").doesNotContain("innerHTML");
        ResponseEntity<String> shared = get("/pages/page.js");
        assertThat(shared.getBody()).contains("'X-Requested-With'").doesNotContain("innerHTML");
        assertThat(shared.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(get("/cases/app.css").getStatusCode().value()).isEqualTo(200);
        assertThat(get("/pages/page.css").getStatusCode().value()).isEqualTo(200);
        assertThat(get("/cases-secrets/index.html").getStatusCode().value()).isIn(401, 403, 404);
    }
}
