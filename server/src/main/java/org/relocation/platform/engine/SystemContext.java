package org.relocation.platform.engine;

import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.impl.context.Context;
import org.operaton.bpm.engine.impl.identity.Authentication;
import org.operaton.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

import java.util.concurrent.Callable;

/**
 * Runs engine calls as the system, without the caller's authorization checks: work the domain does on a person's
 * behalf (a key date registered while an employee completes a form, a policy table evaluated for a case) must not
 * need engine rights that person lacks. Inside an engine command it joins it; otherwise the authentication is lifted
 * for the call and restored afterwards.
 */
@Component
public class SystemContext {

    private final IdentityService identity;

    SystemContext(IdentityService identity) {
        this.identity = identity;
    }

    public <T> T call(Callable<T> work) {
        try {
            CommandContext command = Context.getCommandContext();
            if (command != null) {
                return command.runWithoutAuthorization(work);
            }
            Authentication user = identity.getCurrentAuthentication();
            if (user == null) {
                return work.call();
            }
            identity.clearAuthentication();
            try {
                return work.call();
            } finally {
                identity.setAuthentication(user);
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
