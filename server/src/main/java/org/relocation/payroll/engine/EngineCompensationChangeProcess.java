package org.relocation.payroll.engine;

import org.operaton.bpm.engine.RuntimeService;
import org.relocation.payroll.CompensationChangeProcess;
import org.relocation.platform.engine.SystemContext;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * A compensation change's process on the embedded engine: one instance of
 * {@value CompensationChangeProcess#PROCESS_KEY} per change, business key = case number, variables caseId and
 * changeVersion only (never a salary or an amount). Runs as the system (a specialist may ask for a change without
 * engine rights to start processes) in the caller's transaction, so the change and its approval task are written
 * together or not at all.
 */
@Component
class EngineCompensationChangeProcess implements CompensationChangeProcess {

    private final RuntimeService runtime;
    private final SystemContext system;

    EngineCompensationChangeProcess(RuntimeService runtime, SystemContext system) {
        this.runtime = runtime;
        this.system = system;
    }

    @Override
    public String start(String caseNumber, Long caseId, int changeVersion) {
        return system.call(() -> runtime.startProcessInstanceByKey(PROCESS_KEY, caseNumber,
                Map.of(CASE_ID, caseId, CHANGE_VERSION, changeVersion)).getId());
    }
}
