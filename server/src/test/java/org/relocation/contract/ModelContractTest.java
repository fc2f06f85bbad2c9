package org.relocation.contract;

import org.junit.jupiter.api.Test;
import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.bpmn.instance.BaseElement;
import org.operaton.bpm.model.bpmn.instance.BusinessRuleTask;
import org.operaton.bpm.model.bpmn.instance.ConditionExpression;
import org.operaton.bpm.model.bpmn.instance.FlowNode;
import org.operaton.bpm.model.bpmn.instance.Process;
import org.operaton.bpm.model.bpmn.instance.ServiceTask;
import org.operaton.bpm.model.bpmn.instance.UserTask;
import org.operaton.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.operaton.bpm.model.dmn.Dmn;
import org.operaton.bpm.model.dmn.DmnModelInstance;
import org.operaton.bpm.model.dmn.instance.Input;
import org.relocation.policy.PolicyService;
import org.relocation.ServerTest;
import org.relocation.platform.engine.FormSchemas;
import org.relocation.platform.engine.ProcessVariables;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps models, forms and workers consistent: every topic has exactly one worker, every formRef a form,
 * every variable a gateway or the DMN reads is produced by a form, worker, message or the start, every
 * called process gets from its call activity what it reads and does not produce itself, and every process
 * has diagram layout and historyTimeToLive. A process owner's change that breaks the
 * contract fails here, not in production.
 */
@ServerTest
class ModelContractTest {

    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    /** Variables set by correlated vendor messages (VendorService.accept). */
    private static final Set<String> MESSAGE_VARIABLES = Set.of("counselOutcome");
    private static final Set<String> EL_WORDS = Set.of("true", "false", "null", "and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "empty", "execution");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![.'\\w])([A-Za-z_]\\w*)(?![\\w'(])");

    @Autowired
    List<CaseWorker> workers;

    @Autowired
    FormSchemas forms;

    @Autowired
    List<org.relocation.platform.form.TaskFormHandler> handlers;

    private static Map<String, BpmnModelInstance> models() throws IOException {
        Map<String, BpmnModelInstance> models = new HashMap<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")) {
            try (InputStream in = r.getInputStream()) {
                models.put(r.getFilename(), Bpmn.readModelFromStream(in));
            }
        }
        assertThat(models).isNotEmpty();
        return models;
    }

    @Test
    void everyTopicHasExactlyOneWorkerAndEveryWorkerATopic() throws IOException {
        Set<String> topics = new TreeSet<>();
        models().values().forEach(m -> m.getModelElementsByType(ServiceTask.class).forEach(t -> {
            assertThat(camunda(t, "type")).as("service task %s is an external task", t.getId()).isEqualTo("external");
            topics.add(camunda(t, "topic"));
        }));
        Map<String, Long> workersPerTopic = workers.stream().collect(Collectors.groupingBy(CaseWorker::topic, Collectors.counting()));
        topics.forEach(topic -> assertThat(workersPerTopic.get(topic)).as("workers for topic %s", topic).isEqualTo(1L));
        assertThat(topics).containsExactlyInAnyOrderElementsOf(workersPerTopic.keySet());
        workers.forEach(w -> assertThat(org.springframework.util.ClassUtils.getUserClass(w).getSimpleName())
                .as("worker class named after its topic").isEqualTo(pascal(w.topic()) + "Worker"));
    }

    @Test
    void everyFormRefHasAFormAndEveryFormIsUsed() throws IOException {
        Set<String> formRefs = new TreeSet<>();
        models().values().forEach(m -> m.getModelElementsByType(FlowNode.class).forEach(n -> {
            String ref = n.getAttributeValueNs(CAMUNDA, "formRef");
            if (ref != null) {
                formRefs.add(ref);
                assertThat(n.getAttributeValueNs(CAMUNDA, "formRefBinding")).as("binding of %s", n.getId()).isEqualTo("deployment");
            }
        }));
        models().values().forEach(m -> m.getModelElementsByType(UserTask.class).forEach(t ->
                assertThat(t.getAttributeValueNs(CAMUNDA, "formRef")).as("formRef of user task %s", t.getId()).isEqualTo(t.getId())));
        assertThat(forms.formIds()).containsExactlyInAnyOrderElementsOf(formRefs);
    }

    /**
     * Every feature's form handler owns the form of a user task (a form without one is kept generically), its display
     * fields are fields of that form, and every approval form is the form of a user task.
     */
    @Test
    void everyFormHandlerOwnsAUserTasksFormAndShowsFieldsOfIt() throws IOException {
        Set<String> taskForms = new TreeSet<>();
        models().values().forEach(m -> m.getModelElementsByType(UserTask.class).forEach(t -> taskForms.add(t.getAttributeValueNs(CAMUNDA, "formRef"))));
        assertThat(handlers).extracting(org.relocation.platform.form.TaskFormHandler::formId).doesNotHaveDuplicates();
        handlers.forEach(h -> {
            assertThat(taskForms).as("the form of %s", h.getClass().getSimpleName()).contains(h.formId());
            assertThat(forms.fields(h.formId()).stream().map(FormSchemas.Field::key).toList())
                    .as("display fields of form %s", h.formId()).containsAll(h.displayFields());
        });
        assertThat(handlers).filteredOn(org.relocation.platform.form.TaskFormHandler::approval)
                .extracting(org.relocation.platform.form.TaskFormHandler::formId)
                .containsExactlyInAnyOrder("approve-relocation", "approve-budget", "approve-transfer", "approve-policy-exception");
    }

    @Test
    void everyVariableAGatewayOrTheDecisionReadsIsProduced() throws IOException {
        Set<String> produced = new HashSet<>(startVariables());
        forms.formIds().forEach(f -> forms.fields(f).forEach(field -> produced.add(field.key())));
        workers.forEach(w -> produced.addAll(w.outputVariables()));
        produced.addAll(MESSAGE_VARIABLES);
        Map<String, BpmnModelInstance> models = models();
        models.values().forEach(m -> m.getModelElementsByType(BusinessRuleTask.class)
                .forEach(t -> produced.add(camunda(t, "resultVariable"))));
        // input mappings of the models themselves (e.g. the outcome a record-case-outcome task records)
        models.values().forEach(m -> m.getModelElementsByType(org.operaton.bpm.model.bpmn.instance.operaton.OperatonInputParameter.class)
                .forEach(p -> produced.add(p.getOperatonName())));

        List<String> read = new ArrayList<>();
        models.values().forEach(m -> {
            m.getModelElementsByType(ConditionExpression.class).forEach(c -> read.addAll(identifiers(c.getTextContent())));
            m.getModelElementsByType(org.operaton.bpm.model.bpmn.instance.LoopCardinality.class)
                    .forEach(c -> read.addAll(identifiers(c.getTextContent())));
            m.getModelElementsByType(UserTask.class).forEach(t -> {
                if (camunda(t, "assignee") != null) {
                    read.addAll(identifiers(camunda(t, "assignee")));
                }
            });
        });
        // what workers fetch, except the engine's own multi-instance loop counter
        workers.forEach(w -> w.inputVariables().stream().filter(v -> !v.equals("loopCounter")).forEach(read::add));
        assertThat(read).isNotEmpty();
        assertThat(produced).containsAll(read);

        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.dmn")) {
            try (InputStream in = r.getInputStream()) {
                DmnModelInstance dmn = Dmn.readModelFromStream(in);
                for (org.operaton.bpm.model.dmn.instance.Decision d : dmn.getModelElementsByType(org.operaton.bpm.model.dmn.instance.Decision.class)) {
                    // the policy service evaluates each table with exactly these variables and reads these outputs
                    assertThat(PolicyService.INPUTS).as("decision %s in %s is evaluated by the policy service", d.getId(), r.getFilename())
                            .containsKey(d.getId());
                    org.operaton.bpm.model.dmn.instance.DecisionTable table = (org.operaton.bpm.model.dmn.instance.DecisionTable) d.getExpression();
                    for (Input input : table.getInputs()) {
                        String expression = input.getInputExpression().getText().getTextContent().trim();
                        assertThat(PolicyService.INPUTS.get(d.getId())).as("DMN input %s of %s", expression, d.getId()).contains(expression);
                    }
                    Set<String> outputs = new HashSet<>();
                    table.getOutputs().forEach(o -> outputs.add(o.getName()));
                    assertThat(outputs).as("outputs of %s", d.getId()).containsAll(PolicyService.OUTPUTS.get(d.getId()));
                }
            }
        }
    }

    /**
     * A phase gets from the main process only the variables its call activity maps in (not all of them: each copy is a
     * row written, read with every step and deleted again). What a called process reads (conditions, assignees, timers,
     * input parameters, its workers' inputs, and the case id every worker and listener needs) must come from inside it
     * (its forms, workers, input parameters, messages, the expressions that set variables) or from its call activity.
     */
    @Test
    void everyCalledProcessGetsTheVariablesItReadsFromItsCallActivity() throws IOException {
        Map<String, BpmnModelInstance> byProcess = new HashMap<>();
        models().values().forEach(m -> byProcess.put(m.getModelElementsByType(Process.class).iterator().next().getId(), m));
        int checked = 0;
        for (BpmnModelInstance caller : byProcess.values()) {
            for (org.operaton.bpm.model.bpmn.instance.CallActivity call : caller.getModelElementsByType(org.operaton.bpm.model.bpmn.instance.CallActivity.class)) {
                BpmnModelInstance called = byProcess.get(call.getCalledElement());
                assertThat(called).as("process %s called by %s", call.getCalledElement(), call.getId()).isNotNull();
                Set<String> available = producedWithin(called);
                boolean all = false;
                for (org.operaton.bpm.model.bpmn.instance.operaton.OperatonIn in : call.getChildElementsByType(
                        org.operaton.bpm.model.bpmn.instance.ExtensionElements.class).stream()
                        .flatMap(e -> e.getChildElementsByType(org.operaton.bpm.model.bpmn.instance.operaton.OperatonIn.class).stream()).toList()) {
                    all |= "all".equals(in.getOperatonVariables());
                    if (in.getOperatonTarget() != null) {
                        available.add(in.getOperatonTarget());
                    }
                }
                if (all) {
                    continue;
                }
                Set<String> missing = new TreeSet<>(readWithin(called));
                missing.removeAll(available);
                assertThat(missing).as("variables %s reads but neither produces nor gets from call activity %s", call.getCalledElement(), call.getId())
                        .isEmpty();
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(8);
    }

    private static final Pattern SET_VARIABLE = Pattern.compile("setVariable(?:Local)?\\('(\\w+)'");
    /** Set by the engine inside a multi-instance activity. */
    private static final Set<String> ENGINE_VARIABLES = Set.of("loopCounter", "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances");

    private Set<String> producedWithin(BpmnModelInstance model) {
        Set<String> produced = new HashSet<>(MESSAGE_VARIABLES);
        produced.addAll(ENGINE_VARIABLES);
        model.getModelElementsByType(FlowNode.class).forEach(n -> {
            String ref = n.getAttributeValueNs(CAMUNDA, "formRef");
            if (ref != null) {
                forms.fields(ref).forEach(f -> produced.add(f.key()));
            }
        });
        Set<String> topics = topics(model);
        workers.stream().filter(w -> topics.contains(w.topic())).forEach(w -> produced.addAll(w.outputVariables()));
        model.getModelElementsByType(org.operaton.bpm.model.bpmn.instance.operaton.OperatonInputParameter.class).forEach(p -> produced.add(p.getOperatonName()));
        model.getModelElementsByType(org.operaton.bpm.model.bpmn.instance.operaton.OperatonOutputParameter.class).forEach(p -> produced.add(p.getOperatonName()));
        model.getModelElementsByType(org.operaton.bpm.model.bpmn.instance.operaton.OperatonOut.class).forEach(o -> {
            if (o.getOperatonTarget() != null) {
                produced.add(o.getOperatonTarget());
            }
        });
        model.getModelElementsByType(org.operaton.bpm.model.bpmn.instance.operaton.OperatonExecutionListener.class).forEach(l -> {
            if (l.getOperatonExpression() != null) {
                Matcher m = SET_VARIABLE.matcher(l.getOperatonExpression());
                while (m.find()) {
                    produced.add(m.group(1));
                }
            }
        });
        return produced;
    }

    private Set<String> readWithin(BpmnModelInstance model) {
        Set<String> read = new HashSet<>();
        read.add(ProcessVariables.CASE_ID); // every worker and every platform listener needs it
        model.getModelElementsByType(ConditionExpression.class).forEach(c -> read.addAll(identifiers(c.getTextContent())));
        model.getModelElementsByType(org.operaton.bpm.model.bpmn.instance.LoopCardinality.class).forEach(c -> read.addAll(identifiers(c.getTextContent())));
        model.getModelElementsByType(org.operaton.bpm.model.bpmn.instance.TimeDate.class).forEach(t -> read.addAll(identifiers(t.getTextContent())));
        model.getModelElementsByType(org.operaton.bpm.model.bpmn.instance.TimeDuration.class).forEach(t -> read.addAll(identifiers(t.getTextContent())));
        model.getModelElementsByType(org.operaton.bpm.model.bpmn.instance.TimeCycle.class).forEach(t -> read.addAll(identifiers(t.getTextContent())));
        model.getModelElementsByType(org.operaton.bpm.model.bpmn.instance.operaton.OperatonInputParameter.class).forEach(p -> read.addAll(identifiers(p.getTextContent())));
        model.getModelElementsByType(UserTask.class).forEach(t -> {
            for (String attribute : new String[]{"assignee", "candidateUsers", "candidateGroups"}) {
                if (camunda(t, attribute) != null) {
                    read.addAll(identifiers(camunda(t, attribute)));
                }
            }
        });
        Set<String> topics = topics(model);
        workers.stream().filter(w -> topics.contains(w.topic())).forEach(w -> read.addAll(w.inputVariables()));
        return read;
    }

    private static Set<String> topics(BpmnModelInstance model) {
        return model.getModelElementsByType(ServiceTask.class).stream().map(t -> camunda(t, "topic")).collect(Collectors.toSet());
    }

    @Test
    void everyProcessHasLayoutHistoryTimeToLiveAndNamedElements() throws IOException {
        models().forEach((file, m) -> {
            Process p = m.getModelElementsByType(Process.class).iterator().next();
            assertThat(file).isEqualTo(p.getId() + ".bpmn");
            assertThat(camunda(p, "historyTimeToLive")).as("historyTimeToLive of %s", file).isNotBlank();
            Set<String> shapes = m.getModelElementsByType(BpmnShape.class).stream()
                    .map(s -> ((BaseElement) s.getBpmnElement()).getId()).collect(Collectors.toSet());
            m.getModelElementsByType(FlowNode.class).forEach(n -> {
                assertThat(shapes).as("%s has a diagram shape for %s", file, n.getId()).contains(n.getId());
                assertThat(n.getName()).as("name of %s in %s", n.getId(), file).isNotBlank();
            });
        });
    }

    private static Set<String> startVariables() {
        return ProcessVariables.START_VARIABLES;
    }

    static List<String> identifiers(String text) {
        List<String> ids = new ArrayList<>();
        Matcher expressions = EXPRESSION.matcher(text);
        while (expressions.find()) {
            Matcher m = IDENTIFIER.matcher(expressions.group(1).replaceAll("'[^']*'", "''"));
            while (m.find()) {
                if (!EL_WORDS.contains(m.group(1))) {
                    ids.add(m.group(1));
                }
            }
        }
        return ids;
    }

    private static String camunda(BaseElement element, String attribute) {
        return element.getAttributeValueNs(CAMUNDA, attribute);
    }

    private static String pascal(String kebab) {
        StringBuilder sb = new StringBuilder();
        for (String part : kebab.split("-")) {
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }
}
