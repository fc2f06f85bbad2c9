package org.relocation;

import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.identity.User;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Users a test creates besides the demo's (password demo), with logins no other test uses: the demo has one
 * specialist and two managers, whose absences and open cases other tests change.
 */
public final class TestUsers {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

    private TestUsers() {
    }

    /** A new user of that role whose login starts with the prefix (login: prefix-run-n). */
    public static String create(IdentityService identity, String prefix, String role) {
        String id = prefix + "-" + RUN + "-" + NEXT.incrementAndGet();
        User u = identity.newUser(id);
        u.setFirstName("Test");
        u.setLastName(prefix);
        u.setEmail(id + "@example.com");
        u.setPassword("demo");
        identity.saveUser(u);
        identity.createMembership(id, role);
        return id;
    }
}
