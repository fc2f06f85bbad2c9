package org.relocation.tax.engine;

import org.operaton.bpm.engine.RuntimeService;
import org.relocation.platform.engine.SystemContext;
import org.relocation.tax.TaxSettlementProcess;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The tax settlement's approval on the embedded engine: one instance of {@value TaxSettlementProcess#PROCESS_KEY} per
 * settlement, business key = case number, variables caseId, settlementId and settlementDue only (never an amount). Runs
 * as the system (finance may enter a settlement without engine rights to start processes) in the caller's transaction,
 * so the settlement and its approval task are written together or not at all.
 */
@Component
class EngineTaxSettlementProcess implements TaxSettlementProcess {

    private final RuntimeService runtime;
    private final SystemContext system;

    EngineTaxSettlementProcess(RuntimeService runtime, SystemContext system) {
        this.runtime = runtime;
        this.system = system;
    }

    @Override
    public String start(String caseNumber, Long caseId, Long settlementId, boolean settlementDue) {
        return system.call(() -> runtime.startProcessInstanceByKey(PROCESS_KEY, caseNumber,
                Map.of(CASE_ID, caseId, SETTLEMENT_ID, settlementId, SETTLEMENT_DUE, settlementDue)).getId());
    }
}
