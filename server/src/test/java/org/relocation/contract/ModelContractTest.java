package org.relocation.contract;

import org.junit.jupiter.api.Test;
import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.bpmn.instance.BaseElement;
import org.operaton.bpm.model.bpmn.instance.FlowNode;
import org.operaton.bpm.model.bpmn.instance.ServiceTask;
import org.operaton.bpm.model.bpmn.instance.UserTask;
import org.operaton.bpm.model.dmn.Dmn;
import org.operaton.bpm.model.dmn.instance.Decision;
import org.operaton.bpm.model.dmn.instance.DecisionTable;
import org.relocation.policy.DecisionContract;
import org.relocation.policy.PolicyService;
import org.relocation.platform.deployment.ValidatingDeployer;
import org.relocation.platform.deployment.ValidationReport;
import org.relocation.platform.worker.MessageVariables;
import org.relocation.ServerTest;
import org.relocation.platform.engine.FormSchemas;
import org.relocation.platform.engine.ProcessVariables;
import org.relocation.platform.worker.CaseWorker;
import org.relocation.processes.model.ModelVariables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps models, forms and workers consistent. The validation every deployment gets ({@link ValidatingDeployer}: no
 * code, the modelling rules, topics, forms, handler fields, call targets, the variables each process reads, the
 * decision tables' contract) finds nothing in the shipped set; what only the build checks stays here: every topic has
 * exactly one worker named after it, every form is used, the handlers' forms are user tasks' forms, the policy
 * service's contract is exactly the shipped tables', and a process no rule covers reads only what the journey produces.
 * A change that breaks the contract fails here, not at the start of a server.
 */
@ServerTest
class ModelContractTest {

    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    @Autowired
    List<CaseWorker> workers;

    @Autowired
    FormSchemas forms;

    @Autowired
    List<org.relocation.platform.form.TaskFormHandler> handlers;

    @Autowired
    List<MessageVariables> messages;

    @Autowired
    ValidatingDeployer deployer;

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
    /** The names of the read-time context the forms show ({@code FormContextProvider}, {@code TaskFormHandler.context}). */
    static final Set<String> RESERVED_CONTEXT = Set.of("caseCard", "brief", "documents", "sendBack", "instruction", "instructionItems",
            "providerAnswers", "change", "changeItems", "leaseBrief");

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
        // read-time context names (case card, approval brief, documents, send-back) are not fields of any form
        forms.formIds().forEach(formId -> assertThat(forms.fields(formId).stream().map(FormSchemas.Field::key))
                .as("fields of form %s using a reserved context name", formId)
                .doesNotContainAnyElementsOf(RESERVED_CONTEXT));
        assertThat(handlers).filteredOn(org.relocation.platform.form.TaskFormHandler::approval)
                .extracting(org.relocation.platform.form.TaskFormHandler::formId)
                .containsExactlyInAnyOrder("approve-relocation", "approve-budget", "approve-transfer", "approve-policy-exception",
                        "approve-tax-settlement", "approve-compensation-change", "approve-lease-exception");
    }

    /**
     * The validation every deployment gets (no code, the modelling rules, the journey's contract: topics, forms, handler
     * fields, call targets, the variables each process reads, the decision tables' contract with the policy service)
     * finds nothing in the models, decisions and forms on the server's classpath, not even a warning, on a server where
     * nothing is deployed: the start-up deployment of this build passes.
     */
    @Test
    void theDeploymentValidationFindsNothingInTheShippedSet() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        var resolver = new PathMatchingResourcePatternResolver();
        for (String pattern : List.of("classpath*:processes/*.bpmn", "classpath*:processes/*.dmn", "classpath*:forms/*.form")) {
            for (Resource r : resolver.getResources(pattern)) {
                try (InputStream in = r.getInputStream()) {
                    files.put(r.getFilename(), in.readAllBytes());
                }
            }
        }
        assertThat(files).hasSizeGreaterThan(30).containsKey(ProcessVariables.PROCESS_KEY + ".bpmn");
        // the variables rule checks every call activity of the set, and the main process with its start variables
        assertThat(models().values().stream().mapToInt(m -> ModelVariables.calls(m).size()).sum()).isGreaterThanOrEqualTo(8);
        ValidationReport report = deployer.validateWithContract(files);
        assertThat(report.problems()).isEmpty();
        assertThat(report.carriedForms()).isEmpty();
    }

    /**
     * The policy service's contract is exactly what the shipped tables have (the deployment check allows a table to drop
     * an input or add an output): every shipped decision, in column order, with the same types and hit policy.
     */
    @Test
    void theDecisionContractIsWhatTheShippedTablesHave() throws IOException {
        Set<String> decisions = new TreeSet<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.dmn")) {
            try (InputStream in = r.getInputStream()) {
                for (Decision d : Dmn.readModelFromStream(in).getModelElementsByType(Decision.class)) {
                    decisions.add(d.getId());
                    DecisionContract contract = PolicyService.CONTRACT.get(d.getId());
                    assertThat(contract).as("the contract of decision %s in %s", d.getId(), r.getFilename()).isNotNull();
                    DecisionTable table = (DecisionTable) d.getExpression();
                    assertThat(table.getHitPolicy().name()).as("hit policy of %s", d.getId()).isEqualTo(contract.hitPolicy());
                    assertThat(table.getInputs()).extracting(i -> i.getInputExpression().getText().getTextContent().trim() + ":"
                            + i.getInputExpression().getTypeRef()).as("inputs of %s", d.getId()).containsExactlyElementsOf(typed(contract.inputs()));
                    assertThat(table.getOutputs()).extracting(o -> o.getName() + ":" + o.getTypeRef()).as("outputs of %s", d.getId())
                            .containsExactlyElementsOf(typed(contract.outputs()));
                }
            }
        }
        assertThat(decisions).containsExactlyInAnyOrderElementsOf(PolicyService.CONTRACT.keySet());
    }

    private static List<String> typed(Map<String, String> columns) {
        return columns.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).toList();
    }

    /**
     * What no deployment rule covers: a process that is neither called nor the main process (the key-date reminders,
     * started by the key-date service) reads only variables something in the journey produces (a form, a worker, a
     * message, the start, a model).
     */
    @Test
    void everyVariableAModelReadsIsProducedSomewhere() throws IOException {
        Set<String> produced = new HashSet<>(ProcessVariables.START_VARIABLES);
        // the processes the server starts besides the journey: the tax settlement's and the expense claim's approvals
        produced.addAll(org.relocation.tax.TaxSettlementProcess.START_VARIABLES);
        produced.addAll(org.relocation.expense.ExpenseClaimProcess.START_VARIABLES);
        produced.addAll(org.relocation.tax.TaxServicesProcess.START_VARIABLES);
        forms.formIds().forEach(f -> forms.fields(f).forEach(field -> produced.add(field.key())));
        workers.forEach(w -> produced.addAll(w.outputVariables()));
        messages.forEach(m -> produced.addAll(m.variables()));
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
