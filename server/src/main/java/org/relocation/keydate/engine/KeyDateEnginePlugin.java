package org.relocation.keydate.engine;

import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.pvm.process.ActivityImpl;
import org.operaton.bpm.engine.impl.pvm.process.ScopeImpl;
import org.operaton.bpm.engine.impl.util.xml.Element;
import org.operaton.bpm.engine.impl.util.xml.Namespace;
import org.relocation.keydate.KeyDateService;
import org.relocation.platform.worker.WorkerProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the key-date follow-ups in step with the journey. When the server's own job workers are off
 * ({@code relocation.workers.enabled: false}: standalone workers do the work, with no engine to start a follow-up),
 * key dates a worker registered are planned when its external task completes, in the engine transaction of the
 * completion; with in-process workers they are planned at once and this costs nothing. When a
 * {@code record-case-outcome} task completes (the case was cancelled, rejected or found ineligible), the case's
 * follow-ups are stopped.
 */
@Component
class KeyDateEnginePlugin extends AbstractProcessEnginePlugin {

    private static final Namespace EXTENSIONS = new Namespace(BpmnParser.OPERATON_BPMN_EXTENSIONS_NS, "http://camunda.org/schema/1.0/bpmn");

    private final ObjectProvider<KeyDateService> keyDates;
    private final boolean standaloneWorkers;

    KeyDateEnginePlugin(ObjectProvider<KeyDateService> keyDates, WorkerProperties workers) {
        this.keyDates = keyDates;
        this.standaloneWorkers = !workers.isEnabled();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new ParseListener());
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private class ParseListener implements BpmnParseListener {

        @Override
        public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            String topic = element.attributeNS(EXTENSIONS, "topic");
            if ("record-case-outcome".equals(topic)) {
                activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) e -> {
                    Long caseId = caseId(e);
                    if (caseId != null) {
                        keyDates.getObject().caseEnded(caseId);
                    }
                });
            } else if (topic != null && standaloneWorkers) {
                activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) e -> {
                    Long caseId = caseId(e);
                    if (caseId != null) {
                        keyDates.getObject().followPending(caseId);
                    }
                });
            }
        }
    }

    private static Long caseId(DelegateExecution execution) {
        return execution.getVariable("caseId") instanceof Number n ? n.longValue() : null;
    }
}
