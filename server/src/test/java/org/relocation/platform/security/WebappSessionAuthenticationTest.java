package org.relocation.platform.security;

import org.junit.jupiter.api.Test;
import org.relocation.ServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The process owners' page uses the Tasklist's login: after logging in to the webapps, the page's own requests
 * (X-Requested-With) to the change API are the person's, with their groups' rights. Without the header, or anywhere else
 * in /api, the session counts for nothing (401), and a foreign site cannot post with it.
 */
@ServerTest
class WebappSessionAuthenticationTest {

    private static final String MODELS = "/api/model-changes/models";
    private static final String[] PAGE = {"X-Requested-With", "XMLHttpRequest"};

    @LocalServerPort
    int port;

    @Test
    void aProcessOwnersWebappSessionOpensTheChangeApiToThePagesRequestsOnly() {
        Http browser = Http.from(port, "198.51.100.121");
        HttpResponse<String> login = browser.webappLogin("owner", "demo");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);

        HttpResponse<String> models = browser.get(MODELS, PAGE);
        assertThat(models.statusCode()).as(models.body()).isEqualTo(200);
        assertThat(models.body()).contains("\"processes\"").contains("relocation-benefits");

        assertThat(browser.get(MODELS).statusCode()).as("no X-Requested-With: not a page's request").isEqualTo(401);
        assertThat(browser.get("/api/exchange-rates", PAGE).statusCode()).as("the session opens the pages' APIs only").isEqualTo(401);
        HttpResponse<String> foreign = browser.post("/api/model-changes/validations", "multipart/form-data; boundary=b", "--b--\r\n",
                "X-Requested-With", "XMLHttpRequest", "Origin", "https://evil.example");
        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
        HttpResponse<String> same = browser.post("/api/model-changes/validations", "multipart/form-data; boundary=b", "--b--\r\n",
                "X-Requested-With", "XMLHttpRequest", "Origin", browser.origin());
        assertThat(same.statusCode()).as("authenticated, and a bad request: %s", same.body()).isEqualTo(400);
        assertThat(same.body()).contains("files");
    }

    @Test
    void aSpecialistsSessionIsForbiddenAndNoLoginIsUnauthorized() {
        Http specialist = Http.from(port, "198.51.100.122");
        assertThat(specialist.webappLogin("specialist", "demo").statusCode()).isEqualTo(200);
        assertThat(specialist.get(MODELS, PAGE).statusCode()).isEqualTo(403);

        Http nobody = Http.from(port, "198.51.100.123");
        nobody.csrfToken(); // a webapp session without a login
        assertThat(nobody.get(MODELS, PAGE).statusCode()).isEqualTo(401);
    }
}
