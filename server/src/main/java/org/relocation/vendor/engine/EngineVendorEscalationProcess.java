package org.relocation.vendor.engine;

import org.operaton.bpm.engine.RuntimeService;
import org.relocation.platform.engine.SystemContext;
import org.relocation.vendor.VendorEscalationProcess;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * A vendor's missed SLA or refusal escalated on the embedded engine: one instance of
 * {@value VendorEscalationProcess#PROCESS_KEY} per escalation, business key = case number, variables caseId and
 * serviceOrderId only. Runs as the system in the caller's transaction (the watcher's, or a vendor callback's), so the
 * order's escalation mark and the specialists' task are written together or not at all.
 */
@Component
class EngineVendorEscalationProcess implements VendorEscalationProcess {

    private final RuntimeService runtime;
    private final SystemContext system;

    EngineVendorEscalationProcess(RuntimeService runtime, SystemContext system) {
        this.runtime = runtime;
        this.system = system;
    }

    @Override
    public void start(String caseNumber, Long caseId, Long serviceOrderId) {
        system.call(() -> runtime.startProcessInstanceByKey(PROCESS_KEY, caseNumber,
                Map.of(CASE_ID, caseId, SERVICE_ORDER_ID, serviceOrderId)).getId());
    }
}
