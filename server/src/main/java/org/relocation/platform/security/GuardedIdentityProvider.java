package org.relocation.platform.security;

import org.operaton.bpm.engine.BadUserRequestException;
import org.operaton.bpm.engine.identity.User;
import org.operaton.bpm.engine.impl.context.Context;
import org.operaton.bpm.engine.impl.digest.PasswordManager;
import org.operaton.bpm.engine.impl.identity.IdentityOperationResult;
import org.operaton.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.operaton.bpm.engine.impl.interceptor.Session;
import org.operaton.bpm.engine.impl.interceptor.SessionFactory;
import org.operaton.bpm.engine.impl.persistence.entity.UserEntity;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;

/**
 * The engine's database identity provider, where every password check of the engine happens: HTTP Basic on /api and
 * /engine-rest, and the webapps' own login (both call IdentityService#checkPassword). Here
 * <ul>
 *   <li>a login is throttled per client address and per (account, client address) ({@link LoginThrottle}); a refused
 *       one is answered as a wrong password, unchecked;</li>
 *   <li>the engine's own lockout is never applied: it locked an account for good after a number of failures from
 *       anywhere, so anyone could lock out the administrator or the workers' technical user;</li>
 *   <li>an unknown user costs a hash check too, so the answer's timing does not tell which users exist;</li>
 *   <li>a new password must meet {@link AccountPasswordPolicy} (a 400 otherwise) when set through an HTTP request
 *       (REST API, Admin webapp), and everywhere outside the demo profile;</li>
 *   <li>a change of a user, password or membership makes this node forget its remembered Basic logins.</li>
 * </ul>
 */
class GuardedIdentityProvider extends DbIdentityServiceProvider {

    private static final VarHandle NEW_PASSWORD;

    static {
        try {
            NEW_PASSWORD = MethodHandles.privateLookupIn(UserEntity.class, MethodHandles.lookup())
                    .findVarHandle(UserEntity.class, "newPassword", String.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Factory factory;

    private GuardedIdentityProvider(Factory factory) {
        this.factory = factory;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        if (userId == null || password == null) {
            return false;
        }
        String address = ClientAddress.current();
        if (address != null && factory.throttle.refusedFor(userId, address).compareTo(Duration.ZERO) > 0) {
            return false;
        }
        UserEntity user = findUserById(userId);
        boolean valid;
        if (user == null) {
            factory.checkAgainstDummy(password);
            valid = false;
        } else {
            valid = matchPassword(password, user);
        }
        if (address != null) {
            if (valid) {
                factory.throttle.succeeded(userId, address);
            } else {
                factory.throttle.failed(userId, address);
            }
        }
        return valid;
    }

    @Override
    public IdentityOperationResult saveUser(User user) {
        if (user instanceof UserEntity entity && entity.hasNewPassword()
                && (factory.policyOutsideRequests || ClientAddress.currentRequest() != null)
                && !AccountPasswordPolicy.accepts(newPassword(entity), entity)) {
            throw new BadUserRequestException("The password does not meet the password policy: " + AccountPasswordPolicy.DESCRIPTION);
        }
        factory.recentLogins.forgetAll();
        return super.saveUser(user);
    }

    @Override
    public IdentityOperationResult deleteUser(String userId) {
        factory.recentLogins.forgetAll();
        return super.deleteUser(userId);
    }

    @Override
    public IdentityOperationResult deleteGroup(String groupId) {
        factory.recentLogins.forgetAll();
        return super.deleteGroup(groupId);
    }

    @Override
    public IdentityOperationResult createMembership(String userId, String groupId) {
        factory.recentLogins.forgetAll();
        return super.createMembership(userId, groupId);
    }

    @Override
    public IdentityOperationResult deleteMembership(String userId, String groupId) {
        factory.recentLogins.forgetAll();
        return super.deleteMembership(userId, groupId);
    }

    /** The password being set: the engine keeps it in a field of its own until it hashes it, with no getter. */
    private static String newPassword(UserEntity user) {
        return (String) NEW_PASSWORD.get(user);
    }

    /** The engine's session factory for both the read-only and the writable identity provider. */
    static final class Factory implements SessionFactory {

        private final LoginThrottle throttle;
        private final RecentLogins recentLogins;
        private final boolean policyOutsideRequests;
        private volatile String dummyHash;

        Factory(LoginThrottle throttle, RecentLogins recentLogins, boolean policyOutsideRequests) {
            this.throttle = throttle;
            this.recentLogins = recentLogins;
            this.policyOutsideRequests = policyOutsideRequests;
        }

        @Override
        public Class<?> getSessionType() {
            return GuardedIdentityProvider.class;
        }

        @Override
        public Session openSession() {
            return new GuardedIdentityProvider(this);
        }

        private void checkAgainstDummy(String password) {
            PasswordManager passwords = Context.getProcessEngineConfiguration().getPasswordManager();
            String hash = dummyHash;
            if (hash == null) {
                hash = passwords.encrypt("not a password of anyone");
                dummyHash = hash;
            }
            passwords.check(password, hash);
        }
    }
}
