package org.relocation.quote.engine;

import org.operaton.bpm.engine.RuntimeService;
import org.relocation.platform.engine.SystemContext;
import org.relocation.quote.ServiceQuoteProcess;
import org.relocation.quote.ServiceQuotes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;

/**
 * A re-quoted shipment or destination service on the embedded engine: relocation-service-quotes started by its message
 * start event {@value ServiceQuoteProcess#MESSAGE} for the case (business key = case number; variables caseId,
 * quotedItem and the wait from relocation.quotes.wait), as the system, in the caller's transaction.
 */
@Component
class EngineServiceQuoteProcess implements ServiceQuoteProcess {

    private final RuntimeService runtime;
    private final SystemContext system;
    private final String wait;

    EngineServiceQuoteProcess(RuntimeService runtime, SystemContext system, @Value("${relocation.quotes.wait:PT48H}") Duration wait) {
        this.runtime = runtime;
        this.system = system;
        this.wait = wait.toString();
    }

    @Override
    public boolean awaitsConfirmation(String caseNumber, String messageName) {
        return messageName != null && system.call(() -> runtime.createExecutionQuery().processInstanceBusinessKey(caseNumber)
                .messageEventSubscriptionName(messageName).count() > 0);
    }

    @Override
    public boolean quoting(String caseNumber, String item) {
        return system.call(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("relocation-service-quotes").variableValueEquals(ServiceQuotes.ITEM_VARIABLE, item).count() > 0);
    }

    @Override
    public boolean requote(String caseNumber, Long caseId, String item) {
        return system.call(() -> {
            if (quoting(caseNumber, item)) {
                return false;
            }
            runtime.createMessageCorrelation(MESSAGE).processInstanceBusinessKey(caseNumber)
                    .setVariables(Map.of("caseId", caseId, ServiceQuotes.ITEM_VARIABLE, item, "serviceQuoteWait", wait))
                    .correlateStartMessage();
            return true;
        });
    }
}
