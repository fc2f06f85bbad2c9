package org.relocation.housing.engine;

import org.operaton.bpm.engine.MismatchingMessageCorrelationException;
import org.operaton.bpm.engine.RuntimeService;
import org.relocation.housing.HousingRequoteProcess;
import org.relocation.platform.engine.SystemContext;
import org.springframework.stereotype.Component;

/**
 * A re-quoted stay on the embedded engine: the message {@value HousingRequoteProcess#MESSAGE} to the case's housing
 * process (business key = case number), as the system, in the caller's transaction (the specialist's completion of
 * resolve-vendor-delay), so the withdrawn order and the process's way back to its quotes are written together or not at all.
 */
@Component
class EngineHousingRequoteProcess implements HousingRequoteProcess {

    private final RuntimeService runtime;
    private final SystemContext system;

    EngineHousingRequoteProcess(RuntimeService runtime, SystemContext system) {
        this.runtime = runtime;
        this.system = system;
    }

    @Override
    public boolean awaitsConfirmation(String caseNumber) {
        return system.call(() -> runtime.createExecutionQuery().processInstanceBusinessKey(caseNumber)
                .messageEventSubscriptionName(MESSAGE).count() > 0);
    }

    @Override
    public boolean requote(String caseNumber) {
        try {
            system.call(() -> runtime.createMessageCorrelation(MESSAGE).processInstanceBusinessKey(caseNumber).correlateWithResult());
            return true;
        } catch (MismatchingMessageCorrelationException e) {
            return false;
        }
    }
}
