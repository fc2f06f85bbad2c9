package org.relocation.browser;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole server (demo profile: demo users, password demo) on a random port with its own in-memory
 * H2 database and no seeded demo cases; each browser test drives the real Tasklist in headless Chromium.
 * Subclasses share this one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "relocation.demo.seed-cases=false",
        // orders go to the configured endpoints, as in the other server tests (the register: VendorRegisterTest)
        "relocation.demo.seed-vendors=false",
        "spring.datasource.url=jdbc:h2:mem:relocation-browser-it;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        // the production history level: the tests read the submitted values back from the case records
})
@ActiveProfiles("demo") // no profile is production, which refuses to start without its own users and secrets
abstract class BrowserTestSupport {

    @RegisterExtension
    final BrowserSessions browsers = new BrowserSessions();

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    CaseApi api;

    @BeforeEach
    void caseApi() {
        api = new CaseApi(rest);
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** A fresh browser logged in to the Tasklist as this demo user. */
    Tasklist tasklistAs(String user) {
        return Tasklist.login(browsers.start(user), baseUrl(), user, CaseApi.PASSWORD);
    }
}
