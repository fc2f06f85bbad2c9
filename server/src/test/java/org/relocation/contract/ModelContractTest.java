package org.relocation.contract;

import org.junit.jupiter.api.Test;
import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.bpmn.instance.BaseElement;
import org.operaton.bpm.model.bpmn.instance.FlowNode;
import org.operaton.bpm.model.bpmn.instance.Process;
import org.operaton.bpm.model.bpmn.instance.ServiceTask;
import org.operaton.bpm.model.bpmn.instance.UserTask;
import org.operaton.bpm.model.dmn.Dmn;
import org.operaton.bpm.model.dmn.DmnModelInstance;
import org.operaton.bpm.model.dmn.instance.Input;
import org.relocation.policy.PolicyService;
import org.relocation.ServerTest;
import org.relocation.platform.engine.FormSchemas;
import org.relocation.platform.engine.ProcessVariables;
import org.relocation.platform.worker.CaseWorker;
import org.relocation.processes.model.ModelVariables;
import org.relocation.processes.model.ModellingRules;
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
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps models, forms and workers consistent: every topic has exactly one worker, every formRef a form,
 * every variable a model or the DMN reads is produced by a form, worker, message or the start, every
 * called process gets from its call activity what it reads and does not produce itself ({@link ModelVariables}), and
 * every model keeps the modelling rules ({@link ModellingRules}). A process owner's change that breaks the
 * contract fails here, not in production.
 */
@ServerTest
class ModelContractTest {

    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    /** Variables set by correlated vendor messages (VendorService.accept). */
    private static final Set<String> MESSAGE_VARIABLES = Set.of("counselOutcome");

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
     * Every feature's form handler owns the form of a user task (a form without one is kept generically), the fields it
     * reads from a submission and its display fields are fields of that form, and every approval form is the form of a
     * user task.
     */
    @Test
    void everyFormHandlerOwnsAUserTasksFormAndShowsFieldsOfIt() throws IOException {
        Set<String> taskForms = new TreeSet<>();
        models().values().forEach(m -> m.getModelElementsByType(UserTask.class).forEach(t -> taskForms.add(t.getAttributeValueNs(CAMUNDA, "formRef"))));
        assertThat(handlers).extracting(org.relocation.platform.form.TaskFormHandler::formId).doesNotHaveDuplicates();
        handlers.forEach(h -> {
            assertThat(taskForms).as("the form of %s", h.getClass().getSimpleName()).contains(h.formId());
            List<String> keys = forms.fields(h.formId()).stream().map(FormSchemas.Field::key).toList();
            assertThat(keys).as("submitted fields %s reads from form %s", h.getClass().getSimpleName(), h.formId())
                    .containsAll(h.fields());
            assertThat(keys).as("display fields of form %s", h.formId()).containsAll(h.displayFields());
            assertThat(h.fields()).as("fields of form %s both submitted and displayed", h.formId())
                    .noneMatch(h.displayFields()::contains);
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
        // what the models produce themselves: input mappings (e.g. the outcome a record-case-outcome task records),
        // result variables, outputs, the engine's multi-instance variables
        models.values().forEach(m -> produced.addAll(ModelVariables.produces(m)));

        List<String> read = new ArrayList<>();
        models.values().forEach(m -> read.addAll(ModelVariables.readNames(m)));
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
            for (ModelVariables.CallMapping call : ModelVariables.calls(caller)) {
                BpmnModelInstance called = byProcess.get(call.calledElement());
                assertThat(called).as("process %s called by %s", call.calledElement(), call.callActivityId()).isNotNull();
                if (call.all()) {
                    continue;
                }
                Set<String> available = producedWithin(called);
                available.addAll(call.mappedIn());
                Set<String> missing = new TreeSet<>(readWithin(called));
                missing.removeAll(available);
                assertThat(missing).as("variables %s reads but neither produces nor gets from call activity %s", call.calledElement(), call.callActivityId())
                        .isEmpty();
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(8);
    }

    /**
     * What a process has without its call activity: what it produces itself ({@link ModelVariables#produces}), its
     * forms' fields, its workers' outputs and the correlated messages' variables.
     */
    private Set<String> producedWithin(BpmnModelInstance model) {
        Set<String> produced = new HashSet<>(MESSAGE_VARIABLES);
        produced.addAll(ModelVariables.produces(model));
        model.getModelElementsByType(FlowNode.class).forEach(n -> {
            String ref = n.getAttributeValueNs(CAMUNDA, "formRef");
            if (ref != null) {
                forms.fields(ref).forEach(f -> produced.add(f.key()));
            }
        });
        Set<String> topics = topics(model);
        workers.stream().filter(w -> topics.contains(w.topic())).forEach(w -> produced.addAll(w.outputVariables()));
        return produced;
    }

    /** What a process reads: its expressions and mappings ({@link ModelVariables#reads}), its workers' inputs, the case id. */
    private Set<String> readWithin(BpmnModelInstance model) {
        Set<String> read = new HashSet<>(ModelVariables.readNames(model));
        read.add(ProcessVariables.CASE_ID); // every worker and every platform listener needs it
        Set<String> topics = topics(model);
        workers.stream().filter(w -> topics.contains(w.topic())).forEach(w -> read.addAll(w.inputVariables()));
        return read;
    }

    private static Set<String> topics(BpmnModelInstance model) {
        return model.getModelElementsByType(ServiceTask.class).stream().map(t -> camunda(t, "topic")).collect(Collectors.toSet());
    }

    /**
     * The modelling rules (layout, history time to live, names, ids, gateway flows, no scripts, decision table
     * conventions) find nothing in the models on the server's classpath, not even a warning.
     */
    @Test
    void everyModelKeepsTheModellingRules() throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<Resource> files = new ArrayList<>(List.of(resolver.getResources("classpath*:processes/*.bpmn")));
        files.addAll(List.of(resolver.getResources("classpath*:processes/*.dmn")));
        assertThat(files).hasSizeGreaterThan(10);
        for (Resource r : files) {
            try (InputStream in = r.getInputStream()) {
                assertThat(ModellingRules.check(r.getFilename(), in.readAllBytes())).as("problems of %s", r.getFilename()).isEmpty();
            }
        }
    }

    private static Set<String> startVariables() {
        return ProcessVariables.START_VARIABLES;
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
