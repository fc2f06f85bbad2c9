package org.relocation.keydate.engine;

import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.impl.context.Context;
import org.operaton.bpm.engine.impl.identity.Authentication;
import org.operaton.bpm.engine.impl.interceptor.CommandContext;
import org.relocation.keydate.KeyDateFollowUp;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The key-date follow-up on the embedded engine: one instance of {@value KeyDateFollowUp#PROCESS_KEY} per key date,
 * business key = case number, variables caseId and keyDateId only. Runs as the system: a key date registered while an
 * employee completes a form (the passport expiry) must not need engine rights the employee lacks. Joins the caller's
 * transaction, so the key date and its follow-up are written together or not at all.
 */
@Component
class EngineKeyDateFollowUp implements KeyDateFollowUp {

    private final RuntimeService runtime;
    private final IdentityService identity;

    EngineKeyDateFollowUp(RuntimeService runtime, IdentityService identity) {
        this.runtime = runtime;
        this.identity = identity;
    }

    @Override
    public String start(String caseNumber, Long caseId, Long keyDateId) {
        return asSystem(() -> runtime.startProcessInstanceByKey(PROCESS_KEY, caseNumber,
                Map.of("caseId", caseId, KEY_DATE_ID, String.valueOf(keyDateId))).getId());
    }

    @Override
    public void stop(String processInstanceId, String reason) {
        asSystem(() -> {
            // built-in listeners still run (the renewal phase is completed on the case); the called renewal instance goes too
            runtime.deleteProcessInstanceIfExists(processInstanceId, reason, false, true, false, false);
            return null;
        });
    }

    private <T> T asSystem(Callable<T> work) {
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
