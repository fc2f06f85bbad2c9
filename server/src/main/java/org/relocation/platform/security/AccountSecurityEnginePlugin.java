package org.relocation.platform.security;

import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Accounts in the engine: passwords hashed with bcrypt ({@link BcryptPasswordEncryptor}; SHA-512 hashes written
 * before still verify), logins throttled and the engine's permanent lockout off ({@link GuardedIdentityProvider}),
 * and the minimum password policy ({@link AccountPasswordPolicy}).
 */
@Component
class AccountSecurityEnginePlugin extends AbstractProcessEnginePlugin {

    private final LoginThrottle throttle;
    private final RecentLogins recentLogins;
    private final int bcryptStrength;
    private final boolean demo;

    AccountSecurityEnginePlugin(LoginThrottle throttle, RecentLogins recentLogins, Environment environment,
                                @Value("${relocation.security.bcrypt-strength:10}") int bcryptStrength) {
        this.throttle = throttle;
        this.recentLogins = recentLogins;
        this.bcryptStrength = bcryptStrength;
        this.demo = environment.matchesProfiles("demo");
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setPasswordEncryptor(new BcryptPasswordEncryptor(bcryptStrength));
        configuration.setIdentityProviderSessionFactory(new GuardedIdentityProvider.Factory(throttle, recentLogins, !demo));
        configuration.setPasswordPolicy(new AccountPasswordPolicy());
        // enforced by GuardedIdentityProvider, which answers a weak password with a 400; the engine's own check is a 500
        configuration.setEnablePasswordPolicy(false);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        // GuardedIdentityProvider never locks; should anything else reach the engine's lockout, it stays off
        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
        configuration.setLoginDelayBase(0);
        configuration.setLoginDelayMaxTime(0);
        configuration.setLoginDelayFactor(1);
    }
}
