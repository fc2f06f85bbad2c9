package org.relocation.tax.engine;

import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.history.HistoricProcessInstance;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.relocation.platform.engine.SystemContext;
import org.relocation.tax.TaxServicesProcess;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The case's tax provider services on the embedded engine: one instance of {@value TaxServicesProcess#PROCESS_KEY} per
 * case, business key = case number, variable caseId only. A case that has one already (running or ended, as history
 * keeps it) gets no second, so a redelivered {@code request-tax-briefing} task starts nothing twice. Runs as the system
 * in the caller's transaction.
 */
@Component
class EngineTaxServicesProcess implements TaxServicesProcess {

    private final RuntimeService runtime;
    private final HistoryService history;
    private final SystemContext system;

    EngineTaxServicesProcess(RuntimeService runtime, HistoryService history, SystemContext system) {
        this.runtime = runtime;
        this.history = history;
        this.system = system;
    }

    @Override
    public String startOnce(String caseNumber, Long caseId) {
        return system.call(() -> {
            ProcessInstance running = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                    .processInstanceBusinessKey(caseNumber).listPage(0, 1).stream().findFirst().orElse(null);
            if (running != null) {
                return running.getId();
            }
            HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                    .processInstanceBusinessKey(caseNumber).listPage(0, 1).stream().findFirst().orElse(null);
            if (ended != null) {
                return ended.getId();
            }
            return runtime.startProcessInstanceByKey(PROCESS_KEY, caseNumber, Map.of(CASE_ID, caseId)).getId();
        });
    }
}
