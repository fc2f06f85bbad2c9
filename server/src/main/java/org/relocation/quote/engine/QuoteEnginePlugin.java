package org.relocation.quote.engine;

import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.operaton.bpm.engine.impl.pvm.process.ActivityImpl;
import org.operaton.bpm.engine.impl.pvm.process.ScopeImpl;
import org.operaton.bpm.engine.impl.util.xml.Element;
import org.operaton.bpm.engine.impl.util.xml.Namespace;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Ends a case's re-quotes with the case. A re-quote runs relocation-service-quotes on its own (started by its message,
 * not called by a phase), so the end of the main process does not end it: when a {@code record-case-outcome} task
 * completes (the case was cancelled, rejected or found ineligible), the case's relocation-service-quotes instances that
 * no process called are deleted, their choice task with them, and nothing is ordered for the ended case. Those a phase
 * called end with that phase.
 */
@Component
class QuoteEnginePlugin extends AbstractProcessEnginePlugin {

    static final String PROCESS_KEY = "relocation-service-quotes";
    private static final Namespace EXTENSIONS = new Namespace(BpmnParser.OPERATON_BPMN_EXTENSIONS_NS, "http://camunda.org/schema/1.0/bpmn");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new ParseListener());
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private static final class ParseListener implements BpmnParseListener {

        @Override
        public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            if ("record-case-outcome".equals(element.attributeNS(EXTENSIONS, "topic"))) {
                activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) QuoteEnginePlugin::endRequotes);
            }
        }
    }

    private static void endRequotes(DelegateExecution execution) {
        String caseNumber = execution.getProcessBusinessKey();
        if (caseNumber == null) {
            return;
        }
        var runtime = execution.getProcessEngineServices().getRuntimeService();
        for (ProcessInstance requote : runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(caseNumber).list()) {
            if (requote instanceof ExecutionEntity e && e.getSuperExecutionId() == null) {
                runtime.deleteProcessInstanceIfExists(requote.getId(), "Case ended", false, true, false, false);
            }
        }
    }
}
