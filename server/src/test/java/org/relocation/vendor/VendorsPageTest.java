package org.relocation.vendor;

import org.junit.jupiter.api.Test;
import org.relocation.ServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vendors page's static files: served without a login (the page holds no data; the API decides who reads what,
 * VendorPerformanceTest and VendorRegisterTest), under the product pages' policy that loads nothing from elsewhere.
 */
@ServerTest
class VendorsPageTest {

    @LocalServerPort
    int port;

    private ResponseEntity<String> get(String path) {
        return RestClient.builder().baseUrl("http://localhost:" + port).defaultStatusHandler(s -> true, (req, res) -> { }).build()
                .get().uri(path).retrieve().toEntity(String.class);
    }

    @Test
    void thePageOpensFromItsFolderAddressAndReadsOnlyTheVendorApi() {
        for (String path : new String[]{"/vendors/", "/vendors", "/vendors/index.html"}) {
            ResponseEntity<String> page = get(path);
            assertThat(page.getStatusCode().value()).as(path).isEqualTo(200);
            assertThat(page.getBody()).as(path).contains("<title>Vendors").contains("src=\"app.js\"")
                    .doesNotContain("https://").doesNotContain("http://").doesNotContain("onclick=");
            assertThat(page.getHeaders().getFirst("Content-Security-Policy")).as(path).contains("default-src 'self'").contains("script-src 'self'");
            assertThat(page.getHeaders().getFirst(HttpHeaders.SET_COOKIE)).as("no session for a static page").isNull();
        }
        String script = get("/vendors/app.js").getBody();
        assertThat(script).contains("/api/vendors/performance").contains("/api/me").contains("from '/pages/page.js'").doesNotContain("innerHTML");
        assertThat(get("/vendors/app.css").getStatusCode().value()).isEqualTo(200);
        assertThat(get("/vendors-secrets/index.html").getStatusCode().value()).isIn(401, 403, 404);
    }
}
