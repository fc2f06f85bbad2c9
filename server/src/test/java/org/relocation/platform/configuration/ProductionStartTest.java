package org.relocation.platform.configuration;

import org.junit.jupiter.api.Test;
import org.relocation.RelocationServerApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole server started as an operator would without choosing a profile: with production settings it starts, has
 * no demo user and serves no vendor simulator; with none (or the demo's) it refuses to start before the engine does.
 * Its own in-memory H2 database (also under -Pmysql, whose system properties these settings override), closed after.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:relocation-production;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "spring.datasource.username=sa",
        "spring.datasource.password=",
        "spring.jpa.properties.hibernate.dialect=org.hibernate.dialect.H2Dialect",
        "operaton.bpm.database.type=h2",
        "relocation.identity.users[0].id=ops",
        "relocation.identity.users[0].first-name=Olga",
        "relocation.identity.users[0].last-name=Operator",
        "relocation.identity.users[0].email=ops@example.com",
        "relocation.identity.users[0].password=" + ProductionStartTest.PASSWORD,
        "relocation.identity.users[0].groups[0]=admin",
        "relocation.documents.encryption-key=q2Wn5b0cV7m3Jk9LpQ1rT4uX6yZ8aB0cD2eF4gH6iJ8=",
        "relocation.documents.key-id=key-1",
        "relocation.workers.enabled=false",
        // the engines of a JVM are registered by name: closing this one must not unregister the shared test server's
        "operaton.bpm.process-engine-name=productionStart",
        // the webapps keep JVM-wide state pointing at the last engine they were started with (the shared test server's)
        "operaton.bpm.webapp.enabled=false",
})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ProductionStartTest {

    static final String PASSWORD = "Operator-Pass-2026-Staple";

    @LocalServerPort
    int port;

    @Test
    void aValidProductionConfigurationStartsWithItsOwnUsersOnly() {
        assertThat(get("/api/cases", "ops", PASSWORD).getStatusCode().value()).isEqualTo(200);
        for (String demoUser : new String[]{"admin", "specialist", "ops"}) {
            assertThat(get("/api/cases", demoUser, "demo").getStatusCode().value()).as(demoUser + "/demo").isEqualTo(401);
        }
    }

    @Test
    void theVendorSimulatorIsNotServed() {
        ResponseEntity<String> order = client(null, null).post().uri("/simulator/housing").contentType(MediaType.APPLICATION_JSON)
                .body("{}").retrieve().toEntity(String.class);
        // with the demo profile the simulator answers 401 to an unsigned order; here there is no such endpoint
        assertThat(order.getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aStartWithNoProfileAndNoSettingsRefusesBeforeTheEngineStarts() {
        assertThatThrownBy(() -> SpringApplication.run(RelocationServerApplication.class,
                "--server.port=0", "--spring.datasource.url=jdbc:h2:mem:relocation-refused;DB_CLOSE_DELAY=-1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Refusing to start")
                .hasMessageContaining("relocation.identity.users is empty")
                .hasMessageContaining("relocation.documents.encryption-key (RELOCATION_DOCUMENTS_ENCRYPTION_KEY) is not set");
    }

    @Test
    void aStartWithTheDemoSecretsButNotTheDemoProfileRefuses() {
        assertThatThrownBy(() -> SpringApplication.run(RelocationServerApplication.class, "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:relocation-refused;DB_CLOSE_DELAY=-1",
                "--spring.config.additional-location=classpath:application-demo.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("relocation.identity.users[0].password has a demo value")
                .hasMessageContaining("relocation.workers.password has a demo value")
                .hasMessageContaining("relocation.documents.encryption-key has a demo value")
                .hasMessageContaining("relocation.vendors.endpoints.housing.secret has a demo value")
                .hasMessageContaining("relocation.demo.enabled is true")
                .hasMessageNotContaining("demo-housing-secret");
    }

    private ResponseEntity<String> get(String path, String user, String password) {
        return client(user, password).get().uri(path).retrieve().toEntity(String.class);
    }

    private RestClient client(String user, String password) {
        RestClient.Builder b = RestClient.builder().baseUrl("http://localhost:" + port).defaultStatusHandler(s -> true, (req, res) -> { });
        if (user != null) {
            b.defaultHeader(HttpHeaders.AUTHORIZATION,
                    "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return b.build();
    }
}
