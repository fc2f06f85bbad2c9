package org.relocation.modelchange;

import org.junit.jupiter.api.Test;
import org.relocation.ServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The process-owner page's files are served from the jar to anyone (they hold no data: everything comes from
 * /api/model-changes, which authenticates every call), with a content security policy that lets the page load nothing
 * from another site; the diagram viewers are served from the jar, not a CDN.
 */
@ServerTest
class ProcessOwnerPageTest {

    @LocalServerPort
    int port;

    private ResponseEntity<String> get(String path) {
        return RestClient.builder().baseUrl("http://localhost:" + port).defaultStatusHandler(s -> true, (req, res) -> { }).build()
                .get().uri(path).retrieve().toEntity(String.class);
    }

    @Test
    void thePageOpensFromItsFolderAddressWithAPolicyThatLoadsNothingFromElsewhere() {
        for (String path : new String[]{"/process-owner/", "/process-owner", "/process-owner/index.html"}) {
            ResponseEntity<String> page = get(path);
            assertThat(page.getStatusCode().value()).as(path).isEqualTo(200);
            assertThat(page.getBody()).as(path).contains("<title>Process models").contains("src=\"app.js\"")
                    .doesNotContain("https://").doesNotContain("http://");
            String policy = page.getHeaders().getFirst("Content-Security-Policy");
            assertThat(policy).as(path).contains("default-src 'self'").contains("script-src 'self'");
        }
    }

    @Test
    void theScriptsAndTheVendoredViewersAreServed() {
        assertThat(get("/process-owner/app.js").getBody()).contains("/api/model-changes").contains("from '/pages/page.js'");
        assertThat(get("/pages/page.js").getBody()).as("the pages' shared calls").contains("X-Requested-With");
        assertThat(get("/process-owner/vendor/bpmn-js/bpmn-navigated-viewer.production.min.js").getBody()).startsWith("/*! bpmn-js");
        assertThat(get("/process-owner/vendor/dmn-js/dmn-viewer.production.min.js").getBody()).startsWith("/*! dmn-js");
        assertThat(get("/process-owner/vendor/bpmn-js/LICENSE").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void otherPathsStayClosed() {
        ResponseEntity<String> other = get("/process-owner-secrets/index.html");
        assertThat(other.getStatusCode().value()).isIn(401, 403, 404);
        assertThat(get("/process-owner/").getHeaders().getFirst(HttpHeaders.SET_COOKIE)).as("no session for a static page").isNull();
    }
}
