package org.relocation.keydate.engine;

import org.operaton.bpm.engine.RuntimeService;
import org.relocation.keydate.KeyDateFollowUp;
import org.relocation.platform.engine.SystemContext;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The key-date follow-up on the embedded engine: one instance of {@value KeyDateFollowUp#PROCESS_KEY} per key date,
 * business key = case number, variables caseId and keyDateId only. Runs as the system: a key date registered while an
 * employee completes a form (the passport expiry) must not need engine rights the employee lacks. Joins the caller's
 * transaction, so the key date and its follow-up are written together or not at all.
 */
@Component
class EngineKeyDateFollowUp implements KeyDateFollowUp {

    private final RuntimeService runtime;
    private final SystemContext system;

    EngineKeyDateFollowUp(RuntimeService runtime, SystemContext system) {
        this.runtime = runtime;
        this.system = system;
    }

    @Override
    public String start(String caseNumber, Long caseId, Long keyDateId) {
        return system.call(() -> runtime.startProcessInstanceByKey(PROCESS_KEY, caseNumber,
                Map.of("caseId", caseId, KEY_DATE_ID, String.valueOf(keyDateId))).getId());
    }

    @Override
    public void stop(String processInstanceId, String reason) {
        system.call(() -> {
            // built-in listeners still run (the renewal phase is completed on the case); the called renewal instance goes too
            runtime.deleteProcessInstanceIfExists(processInstanceId, reason, false, true, false, false);
            return null;
        });
    }
}
