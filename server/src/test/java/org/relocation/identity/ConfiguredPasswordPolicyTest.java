package org.relocation.identity;

import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.AuthorizationService;
import org.operaton.bpm.engine.IdentityService;
import org.relocation.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Outside the demo profile the server does not start with a configured user whose password breaks the policy
 * (at least 12 characters, not containing the user id): the start-up step refuses before it creates anyone, naming
 * the user and never the password. Under the demo profile the demo users (password "demo") are accepted.
 */
@ServerTest
class ConfiguredPasswordPolicyTest {

    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    JdbcTemplate jdbc;

    private IdentityBootstrap bootstrap(String profile, IdentityProperties.User... users) {
        IdentityProperties properties = new IdentityProperties();
        properties.setUsers(List.of(users));
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profile);
        return new IdentityBootstrap(identity, authorizations, properties, environment);
    }

    private static IdentityProperties.User user(String id, String password) {
        IdentityProperties.User u = new IdentityProperties.User();
        u.setId(id);
        u.setFirstName("Conf");
        u.setLastName("Igured");
        u.setEmail(id + "@example.com");
        u.setPassword(password);
        u.setGroups(List.of(Roles.SPECIALIST));
        return u;
    }

    @Test
    void aWeakConfiguredPasswordStopsTheStartNamingTheUserNotThePassword() {
        for (String weak : List.of("demo", "eleven-char", "conf-ops-1-and-more")) {
            assertThatThrownBy(() -> bootstrap("production", user("conf-strong", "a long enough passphrase"), user("conf-ops-1", weak)).bootstrap())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("conf-ops-1")
                    .hasMessageContaining("password policy")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(weak.equals("conf-ops-1-and-more") ? "and-more" : weak));
        }
        // refused before anyone was created
        assertThat(identity.createUserQuery().userIdIn("conf-strong", "conf-ops-1").count()).isZero();
    }

    @Test
    void aStrongConfiguredPasswordIsAcceptedAndStoredWithBcrypt() {
        bootstrap("production", user("conf-ops-2", "a long enough passphrase")).bootstrap();
        assertThat(identity.checkPassword("conf-ops-2", "a long enough passphrase")).isTrue();
        assertThat(jdbc.queryForObject("select PWD_ from ACT_ID_USER where ID_ = 'conf-ops-2'", String.class)).startsWith("{bcrypt}$2");
    }

    @Test
    void theDemoProfileKeepsItsDemoPasswords() {
        bootstrap("demo", user("conf-demo-3", "demo")).bootstrap();
        assertThat(identity.checkPassword("conf-demo-3", "demo")).isTrue();
    }
}
