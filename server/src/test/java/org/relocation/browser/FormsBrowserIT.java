package org.relocation.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every form of forms/ renders in the Tasklist: the start form from "Start process", and every user task
 * form in a task of that user task, opened by the demo user who works on it. "Renders" means the
 * form-js form shows its heading and, for every field, an input element and its label.
 */
class FormsBrowserIT extends BrowserTestSupport {

    /** A user task form (form id == task id): the phase process holding the task, and who works on it. */
    record TaskForm(String formId, String processKey, String user) {
    }

    /** From docs/journey.md; the first test checks it covers every form in forms/. */
    static final List<TaskForm> TASK_FORMS = List.of(
            new TaskForm("review-intake", "relocation-intake", "specialist"),
            new TaskForm("revise-intake", "relocation-intake", "specialist"),
            new TaskForm("approve-relocation", "relocation-approval", "manager"),
            new TaskForm("approve-policy-exception", "relocation-approval", "hrlead"),
            new TaskForm("approve-budget", "relocation-approval", "finance"),
            new TaskForm("approve-transfer", "relocation-approval", "director"),
            new TaskForm("provide-immigration-documents", "relocation-immigration", "employee"),
            new TaskForm("validate-immigration-documents", "relocation-immigration", "specialist"),
            new TaskForm("follow-up-counsel", "relocation-immigration", "specialist"),
            new TaskForm("answer-counsel-request", "relocation-immigration", "specialist"),
            new TaskForm("arrange-posted-worker-formalities", "relocation-immigration", "specialist"),
            new TaskForm("decide-start-date", "relocation-immigration", "specialist"),
            new TaskForm("renew-permit", "relocation-permit-renewal", "specialist"),
            new TaskForm("handle-permit-refusal", "relocation-immigration", "specialist"),
            new TaskForm("record-kickoff-call", "relocation-housing", "specialist"),
            // opened by admin (who may act for a mobility specialist), as approve-expense-claim below: a sixteenth specialist
            // task would push the oldest off the Tasklist's first page
            new TaskForm("choose-housing-quote", "relocation-housing", "admin"),
            new TaskForm("choose-service-quote", "relocation-service-quotes", "admin"),
            new TaskForm("decide-invoice-excess", "relocation-housing", "finance"),
            new TaskForm("confirm-payroll-setup", "relocation-payroll", "finance"),
            new TaskForm("follow-up-payroll-provider", "relocation-payroll", "specialist"),
            new TaskForm("correct-payroll-instruction", "relocation-payroll", "specialist"),
            new TaskForm("arrange-international-coverage", "relocation-benefits", "hradmin"),
            new TaskForm("confirm-benefits-enrolment", "relocation-benefits", "employee"),
            // opened by admin (who may act for a mobility specialist), as approve-expense-claim below
            new TaskForm("follow-up-benefits-enrolment", "relocation-benefits", "admin"),
            new TaskForm("review-benefits-cover-start", "relocation-benefits", "admin"),
            new TaskForm("confirm-arrival", "relocation-arrival", "specialist"),
            new TaskForm("approve-case-closure", "relocation-closure", "specialist"),
            new TaskForm("approve-tax-settlement", "relocation-tax-settlement", "finance"),
            // opened by admin (who may act for a mobility specialist): the specialist's task list holds more tasks than the
            // Tasklist's first page shows, and a sixteenth pushed the oldest off it
            new TaskForm("approve-expense-claim", "relocation-expense-claim", "admin"),
            new TaskForm("approve-expense-claim-finance", "relocation-expense-claim", "finance"),
            new TaskForm("decide-expense-exception", "relocation-expense-claim", "hrlead"),
            new TaskForm("follow-up-tax-briefing", "relocation-tax-services", "specialist"),
            new TaskForm("approve-compensation-change", "relocation-compensation-change", "finance"),
            new TaskForm("correct-compensation-change", "relocation-compensation-change", "finance"),
            // inside the multi-instance sub-process of the destination services (one instance started); opened by admin
            new TaskForm("record-lease", "relocation-destination-services", "admin"),
            new TaskForm("approve-lease-exception", "relocation-destination-services", "hrlead"),
            new TaskForm("resolve-vendor-delay", "relocation-vendor-escalation", "admin"));
    static final String START_FORM = "start-relocation";

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ObjectMapper json;

    @Test
    void everyFormInFormsIsChecked() {
        List<String> checked = new ArrayList<>(TASK_FORMS.stream().map(TaskForm::formId).toList());
        checked.add(START_FORM);
        assertThat(FormFiller.formsOnClasspath(json).keySet()).as("forms on the classpath (forms/*.form)").containsExactlyInAnyOrderElementsOf(checked);
    }

    @Test
    void theStartFormRendersFromStartProcess() {
        Tasklist tasklist = tasklistAs("specialist").startProcess("Relocation");
        assertRendered(tasklist, FormFiller.formsOnClasspath(json).get(START_FORM));
    }

    /** Multi-instance user tasks (one task per item): started as a whole body of one instance. */
    static final Set<String> MULTI_INSTANCE = Set.of("approve-policy-exception");

    static Stream<String> users() {
        return TASK_FORMS.stream().map(TaskForm::user).distinct();
    }

    @ParameterizedTest(name = "the task forms of {0}")
    @MethodSource("users")
    void everyTaskFormRendersForTheUserWhoWorksOnIt(String user) {
        Map<String, JsonNode> forms = FormFiller.formsOnClasspath(json);
        List<Task> created = TASK_FORMS.stream().filter(f -> f.user().equals(user)).map(this::taskFor).toList();

        Tasklist tasklist = tasklistAs(user);
        SoftAssertions softly = new SoftAssertions();
        for (Task task : created) {
            softly.check(() -> {
                tasklist.openTask(task.getId(), task.getName());
                assertRendered(tasklist, forms.get(task.getTaskDefinitionKey()));
            });
        }
        softly.assertAll();
    }

    /** A waiting task of that user task: its phase process, started right before the task. */
    private Task taskFor(TaskForm form) {
        ProcessInstance instance = runtime.createProcessInstanceByKey(form.processKey())
                .businessKey("forms-" + form.formId() + "-" + UUID.randomUUID())
                // dueAt, keyDateId: renew-permit's due date and key date; exceptionCount/exceptionIds: the exceptions the HR lead
                // decides, one task each; settlementId, claimId: the tax settlement or expense claim decided (none: the form
                // shows no figures); changeVersion: the compensation change finance decides (none: the form shows no table);
                // serviceOrderId: the order resolve-vendor-delay is about (none: the form shows no order); quotedItem: the item
                // choose-service-quote chooses for
                .setVariables(Map.ofEntries(Map.entry("employeeUserId", "employee"), Map.entry("dueAt", "2031-01-31T08:00:00Z"),
                        Map.entry("keyDateId", "0"), Map.entry("exceptionCount", 1), Map.entry("exceptionIds", "0"),
                        Map.entry("settlementId", "0"), Map.entry("claimId", "0"), Map.entry("changeVersion", 0),
                        Map.entry("destinationServices", "home-search"), Map.entry("destinationService", "home-search"),
                        Map.entry("serviceOrderId", 0L), Map.entry("quotedItem", "household-goods")))
                .startBeforeActivity(form.formId() + (MULTI_INSTANCE.contains(form.formId()) ? "#multiInstanceBody" : ""))
                .execute();
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(form.formId()).singleResult();
        assertThat(task).as("task %s of %s", form.formId(), form.processKey()).isNotNull();
        return task;
    }

    private static void assertRendered(Tasklist tasklist, JsonNode formJson) {
        String formId = formJson.path("id").asText();
        WebElement form = tasklist.form();
        String text = form.getText();
        for (JsonNode component : FormFiller.components(formJson.path("components"))) {
            String id = component.path("id").asText();
            if ("text".equals(component.path("type").asText())) {
                String heading = component.path("text").asText().lines().findFirst().orElse("").replaceFirst("^#+\\s*", "");
                if (!heading.contains("{{")) { // templated text shows the task's case data: FormContextBrowserIT checks it
                    assertThat(text).as("form %s: heading of %s", formId, id).contains(heading);
                }
            }
            if (!component.hasNonNull("key")) {
                continue;
            }
            if (component.path("conditional").hasNonNull("hide") && !tasklist.isShown(id)) {
                continue; // hidden by its condition until an earlier field shows it (the start form's dependant slots)
            }
            if (component.hasNonNull("valuesKey")) {
                // options from the case's data (its handler's context), which a task started outside a case has not:
                // the field's label only; FormFillingBrowserIT chooses an option of a case's task
                assertThat(text).as("form %s: label of field %s", formId, component.path("key").asText())
                        .contains(component.path("label").asText());
                continue;
            }
            assertThat(tasklist.isShown(id))
                    .as("form %s: a visible input for field %s (%s); elements with that id: %s", formId,
                            component.path("key").asText(), component.path("type").asText(),
                            form.findElements(By.cssSelector("[id*='" + id + "']")).stream()
                                    .map(e -> e.getTagName() + "#" + e.getAttribute("id") + (e.isDisplayed() ? "" : "(hidden)"))
                                    .collect(Collectors.joining(", ")))
                    .isTrue();
            String label = component.hasNonNull("label") ? component.path("label").asText() : component.path("dateLabel").asText();
            assertThat(text).as("form %s: label of field %s", formId, component.path("key").asText()).contains(label);
            for (JsonNode option : component.path("values")) {
                if ("radio".equals(component.path("type").asText())) {
                    assertThat(text).as("form %s: option of %s", formId, component.path("key").asText())
                            .contains(option.path("label").asText());
                }
            }
        }
    }
}
