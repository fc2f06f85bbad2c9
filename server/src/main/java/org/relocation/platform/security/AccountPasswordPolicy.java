package org.relocation.platform.security;

import org.operaton.bpm.engine.identity.PasswordPolicy;
import org.operaton.bpm.engine.identity.PasswordPolicyRule;
import org.operaton.bpm.engine.identity.User;
import org.operaton.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;
import org.operaton.bpm.engine.impl.identity.PasswordPolicyUserDataRuleImpl;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The minimum password policy (also the engine's {@link PasswordPolicy}): at least {@value #MIN_LENGTH} characters, and not the user id nor containing it (ignoring case; an id of fewer
 * than three characters only may not be the whole password).
 */
public final class AccountPasswordPolicy implements PasswordPolicy {

    static final int MIN_LENGTH = 12;
    public static final String DESCRIPTION = "at least " + MIN_LENGTH + " characters, not containing the user id";
    private static final AccountPasswordPolicy INSTANCE = new AccountPasswordPolicy();

    private final List<PasswordPolicyRule> rules = List.of(new PasswordPolicyLengthRuleImpl(MIN_LENGTH), new NotTheUserId());

    AccountPasswordPolicy() {
    }

    /** Whether a password meets the policy for this user (id, names and e-mail as far as set). */
    public static boolean accepts(String password, User user) {
        return password != null && INSTANCE.rules.stream().allMatch(r -> r.execute(password, user));
    }

    @Override
    public List<PasswordPolicyRule> getRules() {
        return rules;
    }

    private static final class NotTheUserId implements PasswordPolicyRule {

        @Override
        public String getPlaceholder() {
            return PasswordPolicyUserDataRuleImpl.PLACEHOLDER;
        }

        @Override
        public Map<String, String> getParameters() {
            return Map.of();
        }

        @Override
        public boolean execute(String candidatePassword) {
            return true;
        }

        @Override
        public boolean execute(String candidatePassword, User user) {
            if (user == null || user.getId() == null || user.getId().isEmpty()) {
                return true;
            }
            String password = candidatePassword.toLowerCase(Locale.ROOT);
            String id = user.getId().toLowerCase(Locale.ROOT);
            return id.length() < 3 ? !password.equals(id) : !password.contains(id);
        }
    }
}
