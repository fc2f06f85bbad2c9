package org.relocation.platform.security;

import org.junit.jupiter.api.Test;
import org.relocation.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts at the HTTP boundary: failed logins are throttled per client address and account on both login routes
 * (HTTP Basic and the webapps' login) without locking anyone out for good, passwords are stored with bcrypt, and a
 * password below the policy is refused. Client addresses are varied with X-Forwarded-For, which Tomcat takes from
 * this loopback client as from a trusted proxy.
 */
@ServerTest
class AccountSecurityTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void thirtyWrongPasswordsForAdminFromOneAddressRefuseThatAddressButNotTheRealAdminElsewhere() {
        Http attacker = Http.from(port, "203.0.113.30");
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 30; i++) {
            last = attacker.basic("admin", "guess-" + i).get("/engine-rest/user/admin/profile");
            statuses.add(last.statusCode());
        }
        assertThat(statuses).containsOnly(401, 429);
        assertThat(statuses.subList(0, 5)).containsOnly(401);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).isPositive();

        // the right password from that address is refused too, unchecked, on the case API as on /engine-rest
        assertThat(attacker.basic("admin", "demo").get("/api/cases").statusCode()).isEqualTo(429);
        assertThat(attacker.basic("admin", "demo").get("/engine-rest/user/admin/profile").statusCode()).isEqualTo(429);

        // the real admin, elsewhere, logs in on both routes: the account is not locked
        assertThat(Http.from(port, "198.51.100.31").basic("admin", "demo").get("/engine-rest/user/admin/profile").statusCode()).isEqualTo(200);
        assertThat(Http.from(port, "198.51.100.32").webappLogin("admin", "demo").statusCode()).isEqualTo(200);
        // ... and the engine's own lockout counted nothing
        Integer attempts = jdbc.queryForObject("select ATTEMPTS_ from ACT_ID_USER where ID_ = 'admin'", Integer.class);
        assertThat(attempts == null ? 0 : attempts).isZero();
        assertThat(jdbc.queryForObject("select LOCK_EXP_TIME_ from ACT_ID_USER where ID_ = 'admin'", java.sql.Timestamp.class)).isNull();
    }

    @Test
    void theWebappLoginIsThrottledTooWithAPlain401() {
        Http attacker = Http.from(port, "203.0.113.40");
        for (int i = 0; i < 8; i++) {
            assertThat(attacker.webappLogin("worker", "guess-" + i).statusCode()).isEqualTo(401);
        }
        // refused unchecked from that address, even with the right password
        assertThat(attacker.webappLogin("worker", "demo").statusCode()).isEqualTo(401);
        assertThat(Http.from(port, "203.0.113.40").basic("worker", "demo").get("/engine-rest/external-task/count").statusCode()).isEqualTo(429);
        // the technical user keeps working from anywhere else
        assertThat(Http.from(port, "198.51.100.41").basic("worker", "demo").get("/engine-rest/external-task/count").statusCode()).isEqualTo(200);
    }

    @Test
    void aNewUsersPasswordIsStoredWithBcryptAndWorks() {
        Http admin = Http.from(port, "198.51.100.50").basic("admin", "demo");
        String user = """
                {"profile": {"id": "acct-bcrypt", "firstName": "Bea", "lastName": "Crypt", "email": "bea@example.com"},
                 "credentials": {"password": "a long enough passphrase"}}""";
        assertThat(admin.post("/engine-rest/user/create", "application/json", user).statusCode()).isEqualTo(204);

        String hash = jdbc.queryForObject("select PWD_ from ACT_ID_USER where ID_ = 'acct-bcrypt'", String.class);
        assertThat(hash).startsWith("{bcrypt}$2");
        assertThat(jdbc.queryForObject("select PWD_ from ACT_ID_USER where ID_ = 'admin'", String.class)).startsWith("{bcrypt}$2");

        Http bea = Http.from(port, "198.51.100.51");
        assertThat(bea.basic("acct-bcrypt", "a long enough passphrase").get("/engine-rest/user/acct-bcrypt/profile").statusCode()).isEqualTo(200);
        assertThat(bea.basic("acct-bcrypt", "a long enough passphrasE").get("/engine-rest/user/acct-bcrypt/profile").statusCode()).isEqualTo(401);
    }

    @Test
    void aPasswordBelowThePolicyIsA400AndNothingIsWritten() {
        Http admin = Http.from(port, "198.51.100.60").basic("admin", "demo");
        for (String password : List.of("short-pw", "ACCT-WEAK-and-more-letters")) {
            String user = """
                    {"profile": {"id": "acct-weak", "firstName": "W", "lastName": "K", "email": "w@example.com"},
                     "credentials": {"password": "%s"}}""".formatted(password);
            HttpResponse<String> r = admin.post("/engine-rest/user/create", "application/json", user);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(r.body()).contains("password policy").doesNotContain(password);
        }
        assertThat(jdbc.queryForObject("select count(*) from ACT_ID_USER where ID_ = 'acct-weak'", Integer.class)).isZero();

        // a password change is held to it too
        String good = """
                {"profile": {"id": "acct-change", "firstName": "C", "lastName": "H", "email": "c@example.com"},
                 "credentials": {"password": "a long enough passphrase"}}""";
        assertThat(admin.post("/engine-rest/user/create", "application/json", good).statusCode()).isEqualTo(204);
        HttpResponse<String> change = admin.put("/engine-rest/user/acct-change/credentials", "application/json",
                "{\"password\": \"tooshort\", \"authenticatedUserPassword\": \"demo\"}");
        assertThat(change.statusCode()).as(change.body()).isEqualTo(400);
    }
}
