package org.relocation.tax.engine;

import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.pvm.process.ActivityImpl;
import org.operaton.bpm.engine.impl.pvm.process.ScopeImpl;
import org.operaton.bpm.engine.impl.util.xml.Element;
import org.operaton.bpm.engine.impl.util.xml.Namespace;
import org.relocation.platform.worker.WorkerProperties;
import org.relocation.tax.TaxServicesProcess;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * With standalone workers ({@code relocation.workers.enabled: false}: they have no engine to start a process), the
 * case's tax services ({@value TaxServicesProcess#PROCESS_KEY}) are started when a {@code request-tax-briefing} task
 * completes, in the engine transaction of the completion; with in-process workers the worker has started them already
 * and this adds nothing.
 */
@Component
class TaxServicesEnginePlugin extends AbstractProcessEnginePlugin {

    private static final Namespace EXTENSIONS = new Namespace(BpmnParser.OPERATON_BPMN_EXTENSIONS_NS, "http://camunda.org/schema/1.0/bpmn");

    private final ObjectProvider<TaxServicesProcess> process;
    private final boolean standaloneWorkers;

    TaxServicesEnginePlugin(ObjectProvider<TaxServicesProcess> process, WorkerProperties workers) {
        this.process = process;
        this.standaloneWorkers = !workers.isEnabled();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (!standaloneWorkers) {
            return;
        }
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new BpmnParseListener() {
            @Override
            public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if ("request-tax-briefing".equals(element.attributeNS(EXTENSIONS, "topic"))) {
                    activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) e -> {
                        if (e.getVariable(TaxServicesProcess.CASE_ID) instanceof Number caseId && e.getProcessBusinessKey() != null) {
                            process.getObject().startOnce(e.getProcessBusinessKey(), caseId.longValue());
                        }
                    });
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }
}
