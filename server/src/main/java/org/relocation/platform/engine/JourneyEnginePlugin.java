package org.relocation.platform.engine;

import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.operaton.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.operaton.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.operaton.bpm.engine.impl.pvm.process.ActivityImpl;
import org.operaton.bpm.engine.impl.pvm.process.ScopeImpl;
import org.operaton.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Wires the platform into every deployed model: built-in listeners for case registration, phases,
 * timeline and form records, and a history filter for personal data.
 */
@Component
class JourneyEnginePlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<JourneyListeners> listeners;
    private final ObjectProvider<TaskAssignedHook> taskAssignedHooks;
    private final ObjectProvider<TaskCreatedHook> taskCreatedHooks;
    private final UserCommandGuard guard;
    private final UserCommandGuard guardRequiresNew;
    private final org.relocation.platform.deployment.ValidatingDeployer validatingDeployer;
    private final org.relocation.platform.deployment.DeploymentRecorder deploymentRecorder;
    /** {@code relocation.model-settings}: what models read with {@code setting('<name>')} (e.g. a timer start's cycle). */
    private final java.util.Map<String, String> modelSettings;

    JourneyEnginePlugin(ObjectProvider<JourneyListeners> listeners, ObjectProvider<TaskAssignedHook> taskAssignedHooks,
                        ObjectProvider<FormRules> rules,
                        ObjectProvider<org.relocation.relocationcase.CaseService> cases, ObjectProvider<DeployedForms> forms,
                        ObjectProvider<TaskFormHandlers> handlers, org.relocation.platform.deployment.ValidatingDeployer validatingDeployer,
                        ObjectProvider<TaskCreatedHook> taskCreatedHooks, org.relocation.platform.deployment.DeploymentRecorder deploymentRecorder,
                        org.springframework.core.env.Environment environment) {
        this.modelSettings = org.springframework.boot.context.properties.bind.Binder.get(environment)
                .bind("relocation.model-settings", org.springframework.boot.context.properties.bind.Bindable.mapOf(String.class, String.class))
                .orElse(java.util.Map.of());
        this.listeners = listeners;
        this.taskCreatedHooks = taskCreatedHooks;
        this.taskAssignedHooks = taskAssignedHooks;
        this.guard = new UserCommandGuard(rules, cases, forms, handlers);
        this.guardRequiresNew = new UserCommandGuard(rules, cases, forms, handlers); // an interceptor belongs to one chain
        this.validatingDeployer = validatingDeployer;
        this.deploymentRecorder = deploymentRecorder;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        parseListeners.add(new ParseListener());
        configuration.setCustomPostBPMNParseListeners(parseListeners);
        configuration.setHistoryEventHandler(new PersonalDataHistoryFilter(new DbHistoryEventHandler()));
        // inside every command context (both transaction modes): what people and queries may ask of the engine
        configuration.setCustomPostCommandInterceptorsTxRequired(with(configuration.getCustomPostCommandInterceptorsTxRequired(), guard));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(with(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), guardRequiresNew));
        // a new deployment is validated before the engine parses it: no code, the modelling rules, the journey's contract
        List<org.operaton.bpm.engine.impl.persistence.deploy.Deployer> deployers = configuration.getCustomPreDeployers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
        deployers.add(validatingDeployer);
        configuration.setCustomPreDeployers(deployers);
        // a deployment the engine accepted is recorded in the deployment log, in the same transaction
        List<org.operaton.bpm.engine.impl.persistence.deploy.Deployer> postDeployers = configuration.getCustomPostDeployers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostDeployers());
        postDeployers.add(deploymentRecorder);
        configuration.setCustomPostDeployers(postDeployers);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        org.relocation.processes.ModelFunctions.configureSettings(modelSettings);
        new org.relocation.processes.ModelFunctionsPlugin().postInit(configuration); // the functions the models call
        if (configuration.getValueTypeResolver().typeForName(JsonTextType.NAME) == null) {
            configuration.getValueTypeResolver().addType(new JsonTextType()); // the Tasklist's dynamic lists, as JSON text
        }
    }

    private static List<org.operaton.bpm.engine.impl.interceptor.CommandInterceptor> with(
            List<org.operaton.bpm.engine.impl.interceptor.CommandInterceptor> existing, org.operaton.bpm.engine.impl.interceptor.CommandInterceptor added) {
        List<org.operaton.bpm.engine.impl.interceptor.CommandInterceptor> all = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
        all.add(added);
        return all;
    }

    private class ParseListener implements BpmnParseListener {

        @Override
        public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
            if (ProcessVariables.PROCESS_KEY.equals(processDefinition.getKey())) {
                processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START,
                        (ExecutionListener) execution -> listeners.getObject().onRelocationStart(execution));
            }
        }

        /**
         * A call activity is a phase of the case (its timeline's phase entered and completed) unless the model marks it
         * a step ({@code camunda:property name="phase" value="false"}): relocation-service-quotes, called inside a phase.
         */
        @Override
        public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (!isPhase(element)) {
                return;
            }
            activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) e -> listeners.getObject().onPhaseStart(e));
            activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) e -> listeners.getObject().onPhaseEnd(e));
        }

        private static boolean isPhase(Element element) {
            Element extensions = element.element("extensionElements");
            return extensions == null || extensions.elements().stream().filter(e -> "properties".equals(e.getTagName()))
                    .flatMap(properties -> properties.elements().stream())
                    .noneMatch(p -> "phase".equals(p.attribute("name", null)) && "false".equals(p.attribute("value", null)));
        }

        @Override
        public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) e -> listeners.getObject().onStepEnd(e));
        }

        /**
         * An approval's SLA is the non-interrupting "-overdue" timer on its user task: the task gets that due date, so
         * the Tasklist shows it and sorts by it.
         */
        @Override
        public void parseBoundaryTimerEventDefinition(Element timerEventDefinition, boolean interrupting, ActivityImpl timerActivity) {
            if (interrupting || !timerActivity.getId().endsWith("-overdue")) {
                return;
            }
            Element duration = timerEventDefinition.element("timeDuration");
            if (duration == null || duration.getText() == null || duration.getText().contains("$")) {
                return;
            }
            java.time.Duration sla = java.time.Duration.parse(duration.getText().trim());
            ScopeImpl attached = timerActivity.getEventScope();
            ActivityImpl task = attached instanceof ActivityImpl a && a.getActivityBehavior() instanceof UserTaskActivityBehavior ? a
                    : attached.getActivities().stream().filter(c -> c.getActivityBehavior() instanceof UserTaskActivityBehavior).findFirst().orElse(null);
            if (task != null) {
                ((UserTaskActivityBehavior) task.getActivityBehavior()).getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE,
                        t -> t.setDueDate(java.util.Date.from(org.operaton.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant().plus(sla))));
            }
        }

        @Override
        public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            UserTaskActivityBehavior behavior = (UserTaskActivityBehavior) activity.getActivityBehavior();
            behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, t -> listeners.getObject().onTaskCreate(t));
            behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE,
                    t -> taskCreatedHooks.orderedStream().forEach(hook -> hook.taskCreated(t)));
            behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, t -> listeners.getObject().onTaskComplete(t));
            behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, t -> taskAssignedHooks.orderedStream().forEach(hook -> hook.taskAssigned(t)));
        }
    }
}
