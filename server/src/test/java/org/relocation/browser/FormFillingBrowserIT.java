package org.relocation.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.history.HistoricProcessInstance;
import org.operaton.bpm.engine.history.HistoricTaskInstance;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.Task;
import org.relocation.browser.FormsBrowserIT.TaskForm;
import org.relocation.platform.engine.IntakeForm;
import org.relocation.platform.engine.ProcessVariables;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.relocation.browser.FormsBrowserIT.START_FORM;
import static org.relocation.browser.FormsBrowserIT.TASK_FORMS;

/**
 * Every field of every form of forms/ can be filled in the Tasklist. For the start form and each user task
 * form, the user who works on it opens it in headless Chromium (one browser session per user), enters a value into
 * every required field the form's JSON declares (and every field its conditions make required; see
 * {@link FormFiller}) and into the optional ones, checks the display-only fields show what the server supplies
 * ({@link #SHOWN}), submits with the Tasklist's own Start or Complete button, and the engine and the case records
 * show that it was completed with those values: ordinary fields as process variables, personal fields (pd_*,
 * intake_*) and the revision's fields only in the case records and never as variables.
 *
 * <p>Each task is a real task of its phase process, started right before the user task for a case registered
 * for the purpose, with the variables the journey would have set by then; the approval tasks and the revision after
 * a send-back are reached by a case's own journey (their forms show the approval brief or the approver's comment,
 * which the test checks as well).
 */
class FormFillingBrowserIT extends BrowserTestSupport {

    /** Who fills the start form (Start process → Relocation). */
    static final String START_FORM_USER = "specialist";
    static final String START_FORM_EMPLOYEE = "Every Field Filled";

    private static final LocalDate TODAY = LocalDate.now();
    private static final LocalDate START = TODAY.plusMonths(3).withDayOfMonth(1);

    /**
     * What a person enters in each form, by field key, as the engine should receive it (see {@link FormFiller}): a
     * value for every required field, and for some optional ones. Where a choice routes the process, the value picked
     * keeps the phase process short and quiet (no vendor orders after the task).
     */
    static final Map<String, Map<String, Object>> VALUES = Map.ofEntries(
            Map.entry(START_FORM, values(
                    "intake_employeeName", START_FORM_EMPLOYEE,
                    "intake_employeeEmail", "every.field@example.com",
                    "intake_employeeUserId", "employee2",
                    "intake_lineManagerUserId", "manager",
                    "intake_specialistUserId", "specialist",
                    "intake_nationality", "NL",
                    "intake_homeCountry", "NL",
                    "intake_homeCity", "Utrecht",
                    "intake_hostCountry", "SG",
                    "intake_hostCity", "Singapore",
                    "intake_assignmentType", "SHORT_TERM",
                    "intake_startDate", START,
                    "intake_endDate", START.plusMonths(9),
                    "intake_costCentre", "CC-SG-300",
                    "intake_budgetAmount", new BigDecimal("42000.50"),
                    "intake_budgetCurrency", "SGD",
                    "intake_gradeLevel", 7,
                    "intake_baseSalaryAmount", new BigDecimal("98000"),
                    "intake_baseSalaryCurrency", "SGD")),
            Map.entry("review-intake", values(
                    "reviewDecision", "accept",
                    "intakeVerified", true,
                    "reviewNotes", "Intake checked in the form-filling browser test")),
            Map.entry("revise-intake", values(
                    "revisedStartDate", START,
                    "revisedEndDate", START.plusMonths(18),
                    "revisedHostCity", "Munich",
                    "revisedBudgetAmount", new BigDecimal("95000"),
                    "revisionNote", "Munich instead of Berlin, 18 months, a bigger budget")),
            Map.entry("approve-relocation", values(
                    "managerDecision", "approve",
                    "managerComment", "Approved in the form-filling browser test")),
            Map.entry("approve-policy-exception", values(
                    "exceptionDecision", "approve",
                    "exceptionComment", "Exception approved in the form-filling browser test")),
            Map.entry("approve-budget", values(
                    "financeDecision", "approve",
                    "financeComment", "Budget approved in the form-filling browser test")),
            Map.entry("approve-transfer", values(
                    "secondLevelDecision", "approve",
                    "secondLevelComment", "Transfer approved in the form-filling browser test")),
            Map.entry("provide-immigration-documents", values(
                    "pd_passportNumber", "K7L9M2N4",
                    "pd_passportExpiry", TODAY.plusYears(6).withDayOfMonth(15),
                    "documentsProvided", true)),
            Map.entry("validate-immigration-documents", values(
                    "documentsDecision", "invalid", // back to the employee: "valid" would order the immigration counsel
                    "validationComment", "The passport photo is missing")),
            Map.entry("follow-up-counsel", values(
                    "followUpNotes", "Called the counsel; a decision is expected next week")),
            Map.entry("arrange-posted-worker-formalities", values(
                    "pd_a1Reference", "A1DE2026123",
                    "a1ValidUntil", TODAY.plusMonths(20).withDayOfMonth(15),
                    "postingDeclarationReference", "MELD-2026-0042",
                    "postingDeclarationFiled", true)),
            Map.entry("renew-permit", values(
                    "renewalAction", "filed",
                    "pd_newPermitExpiry", TODAY.plusYears(3).withDayOfMonth(15), // after the key date the renewal is for
                    "pd_applicationReference", "REN-2026-0042",
                    "renewalNotes", "Renewal application filed with the immigration office")),
            Map.entry("decide-start-date", values(
                    "startDateDecision", "keep", // "move" would re-plan the case's dates through the move-start-date worker
                    "decisionNotes", "Counsel expects the permit before the start")),
            Map.entry("answer-counsel-request", values(
                    "informationSummary", "Uploaded the signed assignment letter to the case",
                    "informationProvided", true)),
            Map.entry("handle-permit-refusal", values(
                    "refusalAction", "cancel", // "appeal" or "other-permit" would order the immigration counsel again
                    "refusalNotes", "The employee withdrew from the move")),
            // the reference of the cheapest quote received, known once the vendors quoted: replaced when the task opens
            // (CHOSEN_QUOTES, housingQuoteToChoose); this value only shows the field's shape
            Map.entry("choose-housing-quote", values(
                    "chosenQuote", "HQ-CHEAPEST-RECEIVED")),
            Map.entry("choose-service-quote", values(
                    "chosenQuote", "Q-CHEAPEST-RECEIVED")),
            Map.entry("decide-invoice-excess", values(
                    "invoiceDecision", "dispute", // "accept" would record the whole invoice; dispute also tells the vendor
                    "invoiceDecisionNote", "The accepted quote is what was agreed for the stay")),
            Map.entry("record-kickoff-call", values(
                    "kickoffDate", TODAY.minusDays(2),
                    "kickoffAttendees", "Specialist, employee, line manager",
                    "kickoffNotes", "Move date, temporary housing and the shipment agreed")),
            Map.entry("follow-up-tax-briefing", values(
                    "taxBriefingFollowUpNotes", "Called the tax provider; the briefing is booked for Tuesday")),
            Map.entry("follow-up-payroll-provider", values(
                    "payrollFollowUpNotes", "Called the payroll provider; the answer is promised for Friday")),
            Map.entry("correct-payroll-instruction", values(
                    "correctionNotes", "Host share corrected to 100 % as the provider asked")),
            Map.entry("confirm-payroll-setup", values(
                    "payrollConfirmed", true,
                    "payrollReference", "PR-2026-0042")),
            Map.entry("arrange-international-coverage", values(
                    "coverageProvider", "Global Health Partners",
                    "coverageNotes", "International plan from the start date")),
            Map.entry("confirm-benefits-enrolment", values(
                    "healthPlan", "international",
                    "pensionContinuation", "host",
                    // one entry per dependant of the family benefitsEnrolmentToConfirm opens: partner, child, child
                    "dependantPlans", List.of(Map.of("plan", "international"), Map.of("plan", "home-continued"), Map.of("plan", "not-enrolled")),
                    "enrolmentConfirmed", true)),
            Map.entry("follow-up-benefits-enrolment", values(
                    "benefitsFollowUpNotes", "Called the benefits vendor; the confirmation is promised for Friday")),
            Map.entry("resolve-vendor-delay", values(
                    "vendorDelayChoice", "wait",
                    "newConfirmationDate", TODAY.plusDays(14),
                    "vendorDelayNotes", "The vendor promised its answer within two weeks")),
            Map.entry("review-benefits-cover-start", values(
                    "coverStartOutcome", "interim-cover",
                    "coverStartNotes", "Interim cover until the vendor's cover starts")),
            Map.entry("confirm-arrival", values(
                    "arrivalDate", TODAY.minusDays(1),
                    "rtwDocumentType", "work-permit",
                    "pd_rtwDocumentReference", "WP-556677",
                    "rtwCheckDate", TODAY,
                    "rtwCheckMethod", "in-person",
                    "rtwNextCheckDate", TODAY.plusYears(2))),
            Map.entry("approve-case-closure", values(
                    "closureConfirmed", true,
                    "closureNotes", "Closed in the form-filling browser test")),
            Map.entry("approve-tax-settlement", values(
                    "settlementDecision", "approve",
                    "settlementComment", "Checked against the tax returns in the form-filling browser test")),
            Map.entry("approve-expense-claim", values(
                    "expenseDecision", "approve",
                    "expenseComment", "Receipt checked in the form-filling browser test")),
            Map.entry("approve-expense-claim-finance", values(
                    "expenseDecision", "approve",
                    "expenseComment", "Above the threshold, checked in the form-filling browser test")),
            Map.entry("decide-expense-exception", values(
                    "expenseExceptionDecision", "approve",
                    "expenseExceptionComment", "Market rent, approved in the form-filling browser test")),
            Map.entry("approve-compensation-change", values(
                    "changeDecision", "approve",
                    "changeComment", "Extension agreed with the business in the form-filling browser test")),
            Map.entry("record-lease", values(
                    "pd_leaseAddress", "Torstrasse 1, 10119 Berlin",
                    "pd_monthlyRent", new BigDecimal("1850.00"),
                    "rentCurrency", "EUR",
                    "pd_depositAmount", new BigDecimal("5550.00"),
                    "pd_leaseStart", START,
                    "pd_leaseEnd", START.plusYears(2))),
            Map.entry("approve-lease-exception", values(
                    "leaseExceptionDecision", "approve",
                    "leaseExceptionComment", "Family home near the school, approved in the form-filling browser test")),
            Map.entry("correct-compensation-change", values(
                    "correctionDecision", "withdraw", // "correct" would order both payroll providers again
                    "correctionNote", "The extension is postponed; withdrawn in the form-filling browser test")));

    /** The expense-claim forms: each decides a claim submitted through the claims service for it (see expenseClaimToDecide). */
    static final Map<String, String[]> EXPENSE_CLAIMS = Map.of(
            "approve-expense-claim", new String[] {"travel", "120.00"},
            "approve-expense-claim-finance", new String[] {"travel", "1500.00"},
            "decide-expense-exception", new String[] {"housing", "9000.00"});
    static final String EXPENSE_MERCHANT = "Form Filling Hotel";

    /** The approver's comment when the manager sends the case of the revise-intake task back. */
    static final String SEND_BACK_COMMENT = "Please move it to Munich and shorten it to 18 months";

    /**
     * The display-only (disabled) fields: nobody enters them, the form shows what the server supplies; by form and
     * field key, a text the field must show.
     */
    static final Map<String, Map<String, String>> SHOWN = Map.of(
            "revise-intake", Map.of("sendBackComment", SEND_BACK_COMMENT));

    /** The approval forms, which show the approval brief (read-time context, no field) in their text and tables. */
    static final Set<String> BRIEFED = Set.of("approve-relocation", "approve-budget", "approve-transfer", "approve-policy-exception");

    /** Editable fields the test leaves empty on purpose, by form and field key, with the reason. */
    static final Map<String, Map<String, String>> LEFT_EMPTY = Map.of(
            "decide-start-date", Map.of("newStartDate", "only for the decision \"move\", and the test keeps the date"),
            "review-intake", Map.of("reviewComment", "only shown to send the intake back; the test accepts it"),
            "correct-compensation-change", Map.of(
                    "effectiveFrom", "only shown to correct the change; the test withdraws it",
                    "pd_baseSalaryAmount", "only shown to correct the change; the test withdraws it",
                    "baseSalaryCurrency", "only shown to correct the change; the test withdraws it"),
            START_FORM, dependantSlots());

    /** The start form's dependant slots: a case without dependants here (StartFormIntakeTest starts one with a dependant). */
    private static Map<String, String> dependantSlots() {
        Map<String, String> slots = new java.util.LinkedHashMap<>();
        for (int n = 1; n <= org.relocation.platform.engine.IntakeForm.DEPENDENT_SLOTS; n++) {
            for (String field : List.of("hasDependent" + n, "dependent" + n + "Relationship", "dependent" + n + "FullName",
                    "dependent" + n + "Nationality", "dependent" + n + "BirthDate")) {
                slots.put("intake_" + field, "a case without dependants; StartFormIntakeTest starts one with a dependant");
            }
        }
        return slots;
    }

    /** The approval tasks (and the revision after a send-back), reached by a case's journey rather than started directly. */
    static final List<String> THROUGH_THE_JOURNEY = List.of("approve-relocation", "approve-policy-exception", "approve-budget",
            "approve-transfer", "revise-intake");


    /** Variables a phase process reads after the task, which the journey would have set before it. */
    static final Map<String, Map<String, Object>> ROUTING = Map.of(
            "arrange-posted-worker-formalities", Map.of("visaRequired", false, "permitTravellerCount", 0),
            "renew-permit", Map.of("dueAt", "2031-01-31T08:00:00Z"),
            "record-lease", Map.of("destinationServices", "home-search", "destinationService", "home-search"),
            "approve-lease-exception", Map.of("destinationServices", "home-search", "destinationService", "home-search"));

    /** The counsel branch's forms: the journey has determined which travellers need a permit before them. */
    static final List<String> COUNSEL_FORMS = List.of("answer-counsel-request", "follow-up-counsel", "handle-permit-refusal");

    /**
     * A task waiting for its user, of a case registered for it, and the record it decides, if any: the policy exception
     * (approve-policy-exception), the tax settlement (approve-tax-settlement) or the compensation change's version
     * (approve-compensation-change).
     */
    record OpenTask(TaskForm form, long caseId, Task task, Long decidedRecordId) {
    }

    @Autowired
    RuntimeService runtime;

    @Autowired
    org.relocation.immigration.ImmigrationService immigration;

    @Autowired
    org.relocation.keydate.KeyDateService keyDates;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    CaseService cases;

    @Autowired
    org.relocation.policy.PolicyService policy;

    @Autowired
    org.relocation.estimate.CostEstimator estimator;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    org.relocation.expense.ExpenseClaims expenseClaims;

    @Autowired
    org.relocation.payroll.PayrollInstructions payrollInstructions;

    @Autowired
    ObjectMapper json;

    static Stream<String> users() {
        return Stream.concat(Stream.of(START_FORM_USER), TASK_FORMS.stream().map(TaskForm::user)).distinct();
    }

    /** Fails fast, without a browser, naming every form field the test values leave unfillable. */
    @Test
    void theTestHasAValueForEveryRequiredFieldOfEveryForm() {
        Map<String, JsonNode> forms = FormFiller.formsOnClasspath(json);
        assertThat(VALUES.keySet()).as("forms with test values vs forms on the classpath (forms/*.form)")
                .containsExactlyInAnyOrderElementsOf(forms.keySet());
        List<String> problems = new ArrayList<>();
        forms.forEach((id, form) -> problems.addAll(FormFiller.problems(form, VALUES.get(id))));
        assertThat(problems).as("fields the test cannot fill").isEmpty();
    }

    /** Fails fast, without a browser, naming every form field the test neither fills, nor checks as shown, nor leaves empty on purpose. */
    @Test
    void theTestCoversEveryFieldOfEveryForm() {
        List<String> uncovered = new ArrayList<>();
        FormFiller.formsOnClasspath(json).forEach((id, form) -> {
            for (FormFiller.Field f : FormFiller.fields(form)) {
                boolean valued = VALUES.get(id).containsKey(f.key());
                boolean shown = SHOWN.getOrDefault(id, Map.of()).containsKey(f.key());
                boolean leftEmpty = LEFT_EMPTY.getOrDefault(id, Map.of()).containsKey(f.key());
                if (f.locked() && !shown) {
                    uncovered.add("form " + id + ": display-only " + f.describe() + " has no text to show in FormFillingBrowserIT.SHOWN");
                } else if (!f.locked() && !valued && !leftEmpty) {
                    uncovered.add("form " + id + ": " + f.describe() + " has no test value in FormFillingBrowserIT.VALUES"
                            + " (or a reason in FormFillingBrowserIT.LEFT_EMPTY)");
                } else if (f.locked() ? valued || leftEmpty : shown) {
                    uncovered.add("form " + id + ": " + f.describe() + (f.locked() ? " is display-only but has a test value"
                            : " is editable but listed in FormFillingBrowserIT.SHOWN"));
                }
            }
            SHOWN.getOrDefault(id, Map.of()).keySet().stream().filter(k -> FormFiller.fields(form).stream().noneMatch(f -> f.key().equals(k)))
                    .forEach(k -> uncovered.add("form " + id + " has no field '" + k + "', but FormFillingBrowserIT.SHOWN lists it"));
        });
        assertThat(uncovered).as("fields the test does not cover").isEmpty();
    }

    @ParameterizedTest(name = "the forms of {0}")
    @MethodSource("users")
    void everyRequiredFieldIsFilledInTheTasklistAndTheValuesArrive(String user) {
        Map<String, JsonNode> forms = FormFiller.formsOnClasspath(json);
        // the tasks exist before logging in, so the task list shows them at once
        List<OpenTask> open = TASK_FORMS.stream().filter(f -> f.user().equals(user)).map(this::openTaskOf).toList();

        Tasklist tasklist = tasklistAs(user);
        SoftAssertions softly = new SoftAssertions();
        if (user.equals(START_FORM_USER)) {
            softly.check(() -> withEvidence(tasklist, START_FORM, () -> fillAndSubmitTheStartForm(tasklist, forms.get(START_FORM))));
        }
        // newest first: the Tasklist lists a page of tasks, newest on top, so the specialist's oldest tasks show only once
        // the newer ones are done
        List<OpenTask> newestFirst = new ArrayList<>(open);
        java.util.Collections.reverse(newestFirst);
        for (OpenTask t : newestFirst) {
            softly.check(() -> withEvidence(tasklist, t.form().formId(), () -> fillAndCompleteTheTask(tasklist, forms.get(t.form().formId()), t)));
        }
        softly.assertAll();
    }

    private void fillAndCompleteTheTask(Tasklist tasklist, JsonNode form, OpenTask open) {
        String formId = open.form().formId();
        String user = open.form().user();
        Task task = open.task();
        tasklist.openTask(task.getId(), task.getName());
        if (task.getAssignee() == null) {
            tasklist.claim();
        } else {
            assertThat(task.getAssignee()).as("assignee of %s", formId).isEqualTo(user);
            tasklist.awaitEditableForm();
        }
        for (FormFiller.Field f : FormFiller.fields(form)) {
            String expected = SHOWN.getOrDefault(formId, Map.of()).get(f.key());
            if (expected != null) {
                tasklist.awaitShownText(f.id(), expected);
            }
        }
        if (formId.equals("approve-tax-settlement")) { // the settlement's figures, from its record when the form opens
            tasklist.browser().await("form " + formId + " to show the settlement's figures",
                    d -> tasklist.form().getText().contains("Hypothetical tax withheld through payroll") && tasklist.form().getText().contains("20000.00 GBP"));
        }
        if (EXPENSE_CLAIMS.containsKey(formId)) { // the claim, from its record when the form opens
            tasklist.browser().await("form " + formId + " to show the claim",
                    d -> tasklist.form().getText().contains(EXPENSE_MERCHANT) && tasklist.form().getText().contains("Expense claim " + open.decidedRecordId()));
        }
        if (formId.equals("correct-compensation-change")) { // the provider's refusal and the change, from the instructions
            String reference = "PI-" + open.caseId() + "-v" + open.decidedRecordId();
            tasklist.browser().await("form " + formId + " to show the refusal of " + reference,
                    d -> tasklist.form().getText().contains(reference) && tasklist.form().getText().contains(REFUSAL_NOTE)
                            && tasklist.form().getText().contains("HOUSING"));
        }
        if (formId.equals("approve-compensation-change")) { // the version in force against the change, from the instructions
            String reference = "PI-" + open.caseId() + "-v" + open.decidedRecordId();
            tasklist.browser().await("form " + formId + " to show the change " + reference + " against the version in force",
                    d -> tasklist.form().getText().contains(reference) && tasklist.form().getText().contains("HOUSING"));
        }
        if (BRIEFED.contains(formId)) {
            String brief = open.decidedRecordId() == null ? "Estimate version" : "Exception to decide: #" + open.decidedRecordId();
            tasklist.browser().await("form " + formId + " to show the brief's '" + brief + "'", d -> tasklist.form().getText().contains(brief));
        }
        Map<String, Object> values = VALUES.get(formId);
        if (CHOSEN_QUOTES.containsKey(task.getId())) { // the real quote's reference, known once the vendors quoted
            values = new HashMap<>(values);
            values.put("chosenQuote", CHOSEN_QUOTES.get(task.getId()));
        }
        Map<String, JsonNode> data = new HashMap<>();
        if (FormFiller.fields(form).stream().anyMatch(f -> !f.valuesKey().isEmpty())) { // options from the form's data
            api.formVariables(user, task.getId()).fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue()));
        }
        Map<String, Object> entered = FormFiller.fill(tasklist, form, values, data);
        tasklist.complete(task.getId());

        HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult();
        assertThat(done.getEndTime()).as("form %s: task %s completed", formId, task.getId()).isNotNull();
        assertThat(done.getDeleteReason()).as("form %s: how the task ended", formId).isEqualTo("completed");
        assertThat(done.getAssignee()).as("form %s: who completed the task", formId).isEqualTo(user);

        JsonNode details = api.get("specialist", open.caseId());
        assertTheCaseRecordsShowTheDecision(open, entered, details);
        JsonNode submitted = submission(details, formId);
        assertThat(submitted.path("submittedBy").asText()).as("form %s: who submitted it, on the case record", formId).isEqualTo(user);
        entered.forEach((key, value) -> {
            assertSame("form " + formId + ": " + key + " as submitted, on the case record", value, submitted.path("fields").path(key));
            if (isPersonal(key)) {
                assertNoVariable(formId, task.getProcessInstanceId(), key);
                assertSame("form " + formId + ": " + key + " in the case records", value, storedInCaseRecords(key, open.caseId(), details));
            }
        });
        assertThat(CaseApi.stream(details.path("timeline")))
                .as("form %s: timeline of case %s", formId, open.caseId())
                .anySatisfy(e -> {
                    assertThat(e.path("kind").asText()).isEqualTo("TASK_COMPLETED");
                    assertThat(e.path("elementId").asText()).isEqualTo(formId);
                    assertThat(e.path("actor").asText()).isEqualTo(user);
                });
    }

    private void fillAndSubmitTheStartForm(Tasklist tasklist, JsonNode form) {
        tasklist.startProcess("Relocation");
        Map<String, Object> entered = FormFiller.fill(tasklist, form, VALUES.get(START_FORM));
        tasklist.submitStartForm();

        String employeeName = (String) VALUES.get(START_FORM).get("intake_employeeName");
        long caseId = await("the case started with the start form").atMost(CaseApi.PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> api.findByEmployeeName(START_FORM_USER, employeeName), Optional::isPresent)
                .orElseThrow().path("id").asLong();
        JsonNode details = api.get(START_FORM_USER, caseId);
        HistoricProcessInstance started = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ProcessVariables.PROCESS_KEY).processInstanceBusinessKey(details.path("caseNumber").asText())
                .singleResult();
        assertThat(started).as("the journey of case %s", details.path("caseNumber").asText()).isNotNull();
        assertThat(started.getStartUserId()).as("who started the journey").isEqualTo(START_FORM_USER);
        assertThat(((Number) runtime.getVariable(started.getId(), ProcessVariables.CASE_ID)).longValue()).as("process variable caseId")
                .isEqualTo(caseId);
        entered.forEach((key, value) -> {
            assertThat(isPersonal(key)).as("start form field %s is kept out of process variables by its intake_ prefix", key).isTrue();
            assertNoVariable(START_FORM, started.getId(), key);
            assertSame("form " + START_FORM + ": " + key + " in the case records", value, storedInCaseRecords(key, caseId, details));
        });
        assertThat(CaseApi.stream(details.path("timeline")))
                .anySatisfy(e -> {
                    assertThat(e.path("kind").asText()).isEqualTo("CASE_OPENED");
                    assertThat(e.path("actor").asText()).isEqualTo(START_FORM_USER);
                });
    }

    /**
     * What the case records hold after an approval or a revision: the approver's decision in the case's approvals, the
     * HR lead's in the policy exception, the revised intake in the case itself.
     */
    private void assertTheCaseRecordsShowTheDecision(OpenTask open, Map<String, Object> entered, JsonNode details) {
        String formId = open.form().formId();
        switch (formId) {
            case "approve-relocation", "approve-budget", "approve-transfer" -> {
                List<String> approver = CaseApi.APPROVERS.get(formId);
                String step = Map.of("approve-relocation", "manager", "approve-budget", "finance", "approve-transfer", "second-level").get(formId);
                assertThat(CaseApi.stream(details.path("approvals")))
                        .as("form %s: approvals of case %s", formId, open.caseId())
                        .anySatisfy(a -> {
                            assertThat(a.path("step").asText()).isEqualTo(step);
                            assertThat(a.path("decision").asText()).isEqualTo(entered.get(approver.get(1)));
                            assertThat(a.path("comment").asText()).isEqualTo(entered.get(approver.get(2)));
                            assertThat(a.path("decidedBy").asText()).isEqualTo(open.form().user());
                        });
            }
            case "approve-policy-exception" -> {
                JsonNode exception = api.policyException("specialist", open.decidedRecordId());
                assertThat(exception.path("status").asText()).as("form %s: status of exception %s", formId, open.decidedRecordId())
                        .isEqualTo("APPROVED");
                assertThat(exception.path("decidedBy").asText()).as("form %s: who decided the exception", formId).isEqualTo(open.form().user());
                assertThat(exception.path("decisionComment").asText()).as("form %s: the HR lead's comment", formId)
                        .isEqualTo(entered.get("exceptionComment"));
            }
            case "revise-intake" -> {
                assertThat(details.path("hostCity").asText()).as("form %s: host city of case %s", formId, open.caseId())
                        .isEqualTo(entered.get("revisedHostCity"));
                assertThat(details.path("startDate").asText()).as("form %s: start date", formId).isEqualTo(entered.get("revisedStartDate").toString());
                assertThat(details.path("endDate").asText()).as("form %s: end date", formId).isEqualTo(entered.get("revisedEndDate").toString());
                assertThat(details.path("budget").path("amount").decimalValue()).as("form %s: budget", formId)
                        .isEqualByComparingTo(new BigDecimal(entered.get("revisedBudgetAmount").toString()));
                assertThat(CaseApi.stream(api.decisionLog("specialist", open.caseId()).path("entries")))
                        .as("form %s: the revision in the decision log of case %s", formId, open.caseId())
                        .anySatisfy(e -> {
                            assertThat(e.path("kind").asText()).isEqualTo("CASE_CHANGE");
                            assertThat(e.path("subject").asText()).isEqualTo("revise-intake");
                            assertThat(e.path("details").path("note").asText()).isEqualTo(entered.get("revisionNote"));
                            assertThat(e.path("actor").asText()).isEqualTo(open.form().user());
                        });
            }
            case "approve-tax-settlement" -> {
                JsonNode settlement = api.taxSettlement("finance", open.caseId(), open.decidedRecordId());
                assertThat(settlement.path("status").asText()).as("form %s: status of settlement %s", formId, open.decidedRecordId())
                        .isEqualTo("APPROVED");
                assertThat(settlement.path("decidedBy").asText()).as("form %s: who decided the settlement", formId).isEqualTo(open.form().user());
                assertThat(settlement.path("decisionComment").asText()).as("form %s: the comment", formId)
                        .isEqualTo(entered.get("settlementComment"));
            }
            case "approve-expense-claim", "approve-expense-claim-finance" -> {
                JsonNode claim = api.expenseClaim("employee", open.caseId(), open.decidedRecordId());
                assertThat(claim.path("status").asText()).as("form %s: status of claim %s", formId, open.decidedRecordId()).isEqualTo("APPROVED");
                assertThat(claim.path("decidedBy").asText()).as("form %s: who decided the claim", formId).isEqualTo(open.form().user());
                assertThat(claim.path("decisionComment").asText()).as("form %s: the comment", formId).isEqualTo(entered.get("expenseComment"));
                assertThat(claim.path("paymentId").asLong()).as("form %s: the ledger's reimbursement", formId).isPositive();
            }
            case "approve-lease-exception" -> {
                JsonNode exception = api.policyException("specialist", open.decidedRecordId());
                assertThat(exception.path("status").asText()).as("form %s: the lease's exception", formId).isEqualTo("APPROVED");
                assertThat(exception.path("decidedBy").asText()).as("form %s: who decided it", formId).isEqualTo(open.form().user());
                assertThat(exception.path("decisionComment").asText()).as("form %s: the HR lead's comment", formId)
                        .isEqualTo(entered.get("leaseExceptionComment"));
            }
            case "decide-expense-exception" -> {
                JsonNode claim = api.expenseClaim("employee", open.caseId(), open.decidedRecordId());
                JsonNode exception = api.policyException("specialist", claim.path("policyExceptionId").asLong());
                assertThat(exception.path("status").asText()).as("form %s: the claim's exception", formId).isEqualTo("APPROVED");
                assertThat(exception.path("decidedBy").asText()).as("form %s: who decided the exception", formId).isEqualTo(open.form().user());
                assertThat(exception.path("decisionComment").asText()).as("form %s: the HR lead's comment", formId)
                        .isEqualTo(entered.get("expenseExceptionComment"));
                assertThat(claim.path("status").asText()).as("form %s: the claim awaits finance", formId).isEqualTo("SUBMITTED");
            }
            case "approve-compensation-change" -> {
                org.relocation.payroll.PayrollInstruction change = payrollInstructions.ofCase(open.caseId()).stream()
                        .filter(i -> i.getInstructionVersion() == open.decidedRecordId()).findFirst().orElseThrow();
                assertThat(change.getFinanceConfirmedBy()).as("form %s: who approved the change", formId).isEqualTo(open.form().user());
                assertThat(change.getStatus()).as("form %s: the change after its approval", formId).isNotEqualTo(
                        org.relocation.payroll.PayrollInstruction.Status.DRAFT);
            }
            case "correct-compensation-change" -> {
                org.relocation.payroll.PayrollInstruction change = payrollInstructions.ofCase(open.caseId()).stream()
                        .filter(i -> i.getInstructionVersion() == open.decidedRecordId()).findFirst().orElseThrow();
                assertThat(change.getStatus()).as("form %s: the refused change withdrawn", formId)
                        .isEqualTo(org.relocation.payroll.PayrollInstruction.Status.WITHDRAWN);
                assertThat(payrollInstructions.ofCase(open.caseId())).as("form %s: no new version", formId).hasSize(2);
            }
            case "choose-housing-quote", "choose-service-quote" -> await("form " + formId + ": the chosen vendor's order carries the quote").atMost(CaseApi.PATIENCE)
                    .untilAsserted(() -> assertThat(serviceOrders.findByCaseIdOrderById(open.caseId()))
                            .anySatisfy(o -> assertThat(o.getQuoteReference()).isEqualTo(entered.get("chosenQuote"))));
            case "decide-invoice-excess" -> {
                org.relocation.vendor.ServiceOrder order = serviceOrders.findByCaseIdOrderById(open.caseId()).stream()
                        .filter(o -> o.getQuoteReference() != null).findFirst().orElseThrow();
                assertThat(order.getInvoiceCheck()).as("form %s: the invoice disputed", formId)
                        .isEqualTo(org.relocation.vendor.ServiceOrder.InvoiceCheck.DISPUTED);
                assertThat(order.getInvoiceDecidedBy()).as("form %s: who decided", formId).isEqualTo(open.form().user());
                assertThat(order.getInvoiceDecisionNote()).as("form %s: the note", formId).isEqualTo(entered.get("invoiceDecisionNote"));
            }
            case "confirm-benefits-enrolment" -> {
                // each dependant's plan as chosen in their entry of the list, on their own enrolment (no process variable)
                JsonNode enrolment = details.path("benefitsEnrolment");
                assertThat(enrolment.path("healthPlan").asText()).as("form %s: the employee's plan", formId).isEqualTo(entered.get("healthPlan"));
                List<String> dependants = new ArrayList<>();
                details.path("travellers").forEach(t -> {
                    if (!t.path("relationship").asText().equals("EMPLOYEE")) {
                        enrolment.path("travellers").forEach(e -> {
                            if (e.path("travellerId").asLong() == t.path("id").asLong()) {
                                dependants.add(t.path("relationship").asText() + " " + e.path("plan").asText() + " " + e.path("status").asText());
                            }
                        });
                    }
                });
                assertThat(dependants).as("form %s: each dependant's enrolment", formId)
                        .containsExactly("PARTNER international ORDERED", "CHILD home-continued ORDERED", "CHILD host-national NOT_ENROLLED");
                assertNoVariable(formId, open.task().getProcessInstanceId(), "dependantPlans");
            }
            default -> {
                // the other forms' values are checked as process variables or personal case records above
            }
        }
    }

    /** A task waiting for its user: an approval (or the revision) through a case's journey, any other by starting its phase process before it. */
    private OpenTask openTaskOf(TaskForm form) {
        if (form.formId().equals("approve-tax-settlement")) {
            return settlementToDecide(form);
        }
        if (EXPENSE_CLAIMS.containsKey(form.formId())) {
            return expenseClaimToDecide(form);
        }
        if (form.formId().equals("approve-compensation-change")) {
            return compensationChangeToDecide(form);
        }
        if (form.formId().equals("correct-compensation-change")) {
            return compensationChangeToCorrect(form);
        }
        if (form.formId().equals("approve-lease-exception")) {
            return leaseExceptionToDecide(form);
        }
        if (form.formId().equals("resolve-vendor-delay")) {
            return vendorDelayToResolve(form);
        }
        if (form.formId().equals("confirm-benefits-enrolment")) {
            return benefitsEnrolmentToConfirm(form);
        }
        if (form.formId().equals("choose-housing-quote") || form.formId().equals("decide-invoice-excess")) {
            return housingQuoteToChoose(form);
        }
        if (form.formId().equals("choose-service-quote")) {
            return shipmentQuoteToChoose(form);
        }
        return THROUGH_THE_JOURNEY.contains(form.formId()) ? throughTheJourney(form) : startedBefore(form);
    }

    /**
     * A tax settlement another member of finance (admin) entered through the API for a long-term case London to
     * Berlin decided and estimated as the approval phase leaves it: the GB tax year 2026 with GBP 20,000 hypothetical
     * tax withheld and GBP 26,000 actual taxes, which starts the approval task for finance.
     */
    private OpenTask settlementToDecide(TaskForm form) {
        Map<String, Object> intake = CaseApi.longTermIntake("Fills " + form.formId());
        intake.put("startDate", "2026-01-01");
        intake.put("endDate", "2028-12-31");
        RelocationCase c = cases.register(IntakeForm.toIntake(intake), "specialist");
        assertThat(policy.apply(c.getId()).eligible()).as("case %s eligible", c.getId()).isTrue();
        estimator.estimate(c.getId(), "intake", "specialist");
        estimator.approveLatest(c.getId());
        long settlementId = api.enterTaxSettlement("admin", c.getId(), Map.of("taxYear", 2026, "currency", "GBP", "hypotheticalTaxWithheld", 20000,
                "actualTaxes", List.of(Map.of("country", "DE", "amount", 25000), Map.of("country", "GB", "amount", 1000, "paidBy", "COMPANY"))));
        String taskId = api.awaitOpenTask("specialist", c.getId(), form.formId()).path("id").asText();
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        assertThat(task).as("task %s of case %s", form.formId(), c.getId()).isNotNull();
        return new OpenTask(form, c.getId(), task, settlementId);
    }

    /**
     * An expense claim the case's employee submitted (through the claims service, with a small PDF receipt) for a
     * long-term case London to Berlin decided and estimated as the approval phase leaves it: travel 120.00 EUR (the
     * specialist approves), travel 1500.00 EUR (above the threshold: finance), housing 9000.00 EUR (beyond the housing
     * cap: the HR lead decides the exception).
     */
    private OpenTask expenseClaimToDecide(TaskForm form) {
        RelocationCase c = cases.register(IntakeForm.toIntake(CaseApi.longTermIntake("Fills " + form.formId())), "specialist");
        assertThat(policy.apply(c.getId()).eligible()).as("case %s eligible", c.getId()).isTrue();
        estimator.estimate(c.getId(), "intake", "specialist");
        estimator.approveLatest(c.getId());
        String[] claimed = EXPENSE_CLAIMS.get(form.formId());
        byte[] receipt = ("%PDF-1.4\n% " + form.formId() + "\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        long claimId = expenseClaims.submit(c.getId(), new org.relocation.expense.ExpenseClaims.Submission(claimed[0],
                LocalDate.now().minusDays(3).toString(), EXPENSE_MERCHANT, "EUR", claimed[1], receipt, "application/pdf"), "employee").getId();
        String taskId = api.awaitOpenTask("specialist", c.getId(), form.formId()).path("id").asText();
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        assertThat(task).as("task %s of case %s", form.formId(), c.getId()).isNotNull();
        return new OpenTask(form, c.getId(), task, claimId);
    }

    /**
     * A long-term case whose payroll instruction (version 1) the provider and finance confirmed, extended from a month
     * after its start by the specialist (version 2), which starts the approval task for finance; the table compares the
     * two versions.
     */
    private OpenTask compensationChangeToDecide(TaskForm form) {
        RelocationCase c = cases.register(IntakeForm.toIntake(CaseApi.longTermIntake("Fills " + form.formId())), "specialist");
        assertThat(policy.apply(c.getId()).eligible()).as("case %s eligible", c.getId()).isTrue();
        estimator.estimate(c.getId(), "intake", "specialist");
        estimator.approveLatest(c.getId());
        org.relocation.payroll.PayrollInstruction v1 = payrollInstructions.prepare(c.getId(), "system");
        payrollInstructions.sent(v1.getReference());
        payrollInstructions.providerAnswered(c.getId(), true, null);
        payrollInstructions.financeConfirmed(c.getId(), "PR-FORMS", "admin");
        org.relocation.payroll.PayrollInstruction v2 = payrollInstructions.requestChange(c.getId(),
                org.relocation.payroll.PayrollInstruction.Reason.EXTENSION, c.getStartDate().plusMonths(1), null, "specialist");
        String taskId = api.awaitOpenTask("specialist", c.getId(), form.formId()).path("id").asText();
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        assertThat(task).as("task %s of case %s", form.formId(), c.getId()).isNotNull();
        return new OpenTask(form, c.getId(), task, (long) v2.getInstructionVersion());
    }

    /** What the host payroll's provider answers when it refuses the change of correct-compensation-change. */
    static final String REFUSAL_NOTE = "Host tax class missing";

    /**
     * A long-term case like {@link #compensationChangeToDecide}'s, hosted in "Manual Answers" (the test plays the payroll
     * providers): the specialist's extension (version 2) approved by admin in its task, ordered from its payrolls' providers
     * and refused by the last one ordered (a signed callback), which opens finance's correction task.
     */
    private OpenTask compensationChangeToCorrect(TaskForm form) {
        Map<String, Object> intake = CaseApi.longTermIntake("Fills " + form.formId());
        intake.put("hostCity", "Manual Answers");
        RelocationCase c = cases.register(IntakeForm.toIntake(intake), "specialist");
        assertThat(policy.apply(c.getId()).eligible()).as("case %s eligible", c.getId()).isTrue();
        estimator.estimate(c.getId(), "intake", "specialist");
        estimator.approveLatest(c.getId());
        org.relocation.payroll.PayrollInstruction v1 = payrollInstructions.prepare(c.getId(), "system");
        payrollInstructions.sent(v1.getReference());
        payrollInstructions.providerAnswered(c.getId(), true, null);
        payrollInstructions.financeConfirmed(c.getId(), "PR-FORMS", "admin");
        org.relocation.payroll.PayrollInstruction v2 = payrollInstructions.requestChange(c.getId(),
                org.relocation.payroll.PayrollInstruction.Reason.EXTENSION, c.getStartDate().plusMonths(1), null, "specialist");
        String approval = api.awaitOpenTask("specialist", c.getId(), "approve-compensation-change").path("id").asText();
        assertThat(org.relocation.Api.as(port, "admin").complete(approval, Map.of("changeDecision", "approve")).getStatusCode().value())
                .as("the change approved").isEqualTo(204);
        org.relocation.vendor.ServiceOrder host = await("a provider's order of " + v2.getReference()).atMost(CaseApi.PATIENCE)
                .until(() -> serviceOrders.findByCaseIdOrderById(c.getId()).stream()
                        .filter(o -> o.getDetail().startsWith("Payroll instruction " + v2.getReference() + ",")
                                && o.getStatus() == org.relocation.vendor.ServiceOrder.Status.SENT).reduce((a, b) -> b), Optional::isPresent)
                .orElseThrow();
        String body = "{\"reference\":\"" + host.getReference() + "\",\"status\":\"REFUSED\",\"note\":\"" + REFUSAL_NOTE + "\"}";
        assertThat(org.relocation.Api.anonymous(port).postRaw("/api/vendor-callbacks/payroll", body, org.relocation.vendor.Signatures.callbackHeaders(
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8), "demo-payroll-secret", java.time.Instant.now().getEpochSecond()))
                .getStatusCode().is2xxSuccessful()).as("the host provider's refusal accepted").isTrue();
        String taskId = api.awaitOpenTask("specialist", c.getId(), form.formId()).path("id").asText();
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        assertThat(task).as("task %s of case %s", form.formId(), c.getId()).isNotNull();
        return new OpenTask(form, c.getId(), task, (long) v2.getInstructionVersion());
    }

    @Autowired
    org.relocation.vendor.ServiceOrderRepository serviceOrders;

    @Autowired
    org.relocation.vendor.VendorRegister vendorRegister;

    /** Task id → the reference of the quote to choose in it (the cheapest received), known once the vendors quoted. */
    static final Map<String, String> CHOSEN_QUOTES = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A long-term case London to a host city of its own, where the test registers three housing vendors played by the
     * simulator (nightly 140.00, 95.00 and 120.00 EUR): its housing process, started before the temporary-housing
     * booking, asks the three for quotes; they answer (the stay at their nightly rate) and the specialist's choice opens.
     * For choose-housing-quote the form is filled with the cheapest received quote's reference. For decide-invoice-excess
     * the vendors invoice 10% above their quote ({@code &invoice=over}): the specialist chooses the cheapest through the
     * API, its vendor confirms with the invoice above the quote, and finance's decision opens.
     */
    private OpenTask housingQuoteToChoose(TaskForm form) {
        String invoice = form.formId().equals("decide-invoice-excess") ? "&invoice=over" : "";
        RelocationCase c = caseWithQuotingVendors(form, "housing", org.relocation.vendor.VendorRate.Unit.NIGHT,
                List.of("140.00", "95.00", "120.00"), invoice, "book-temporary-housing");
        String chooseTask = api.awaitOpenTask("specialist", c.getId(), "choose-housing-quote").path("id").asText();
        await("the three quotes of case " + c.getCaseNumber()).atMost(CaseApi.PATIENCE).until(() -> housingQuotes.ofCase(c.getId()).stream()
                .filter(q -> q.getStatus() == org.relocation.quote.ServiceQuote.Status.RECEIVED).count() == 3);
        String cheapest = housingQuotes.ofCase(c.getId()).stream().filter(q -> q.getStatus() == org.relocation.quote.ServiceQuote.Status.RECEIVED)
                .min(java.util.Comparator.comparing(org.relocation.quote.ServiceQuote::getPrice)).orElseThrow().getReference();
        String taskId = chooseTask;
        if (form.formId().equals("decide-invoice-excess")) {
            assertThat(org.relocation.Api.as(port, "specialist").complete(chooseTask, Map.of("chosenQuote", cheapest)).getStatusCode().value())
                    .as("the cheapest quote chosen").isEqualTo(204);
            taskId = api.awaitOpenTask("specialist", c.getId(), form.formId()).path("id").asText();
        } else {
            CHOSEN_QUOTES.put(chooseTask, cheapest);
        }
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        assertThat(task).as("task %s of case %s", form.formId(), c.getId()).isNotNull();
        return new OpenTask(form, c.getId(), task, null);
    }

    @Autowired
    org.relocation.housing.HousingQuotes housingQuotes;
    @Autowired
    org.relocation.quote.ServiceQuotes serviceQuotes;

    /**
     * A long-term case London to a host city of its own with three movers registered (per order 1200.00, 950.00 and
     * 1100.00 EUR): the services policy quotes the household shipment, so its housing process, started before the
     * shipment's booking, asks the three; they answer and relocation-service-quotes opens the choice, filled with the
     * cheapest received quote's reference.
     */
    /**
     * A long-term case London to a host city of its own, where three vendors of the service are registered at the given
     * prices (per unit), played by the simulator (answering normally, plus the given query, e.g. {@code &invoice=over});
     * its housing process started right before the given booking step, which asks the three for quotes.
     */
    private RelocationCase caseWithQuotingVendors(TaskForm form, String service, org.relocation.vendor.VendorRate.Unit unit,
                                                  List<String> prices, String query, String bookingStep) {
        String city = "Quotestadt " + UUID.randomUUID().toString().substring(0, 6);
        for (String price : prices) {
            String code = "fq-" + UUID.randomUUID().toString().substring(0, 8);
            vendorRegister.register(code, new org.relocation.vendor.VendorTerms("Vendor " + code, service, "DE", city, "EUR",
                    List.of(new org.relocation.vendor.VendorTerms.Rate(unit, new BigDecimal(price))),
                    24, 2, 5, "http://localhost:{local-port}/simulator/" + code + "?answer=normal" + query,
                    "secret-of-" + code + "-0123456789", true), "admin");
        }
        Map<String, Object> intake = CaseApi.longTermIntake("Fills " + form.formId());
        intake.put("hostCity", city);
        RelocationCase c = cases.register(IntakeForm.toIntake(intake), "specialist");
        assertThat(policy.apply(c.getId()).eligible()).as("case %s eligible", c.getId()).isTrue();
        runtime.createProcessInstanceByKey("relocation-housing").businessKey(c.getCaseNumber())
                .setVariables(ProcessVariables.forCase(c)).startBeforeActivity(bookingStep).execute();
        return c;
    }

    private OpenTask shipmentQuoteToChoose(TaskForm form) {
        RelocationCase c = caseWithQuotingVendors(form, "moving", org.relocation.vendor.VendorRate.Unit.ORDER,
                List.of("1200.00", "950.00", "1100.00"), "", "book-household-shipment");
        String chooseTask = api.awaitOpenTask("specialist", c.getId(), "choose-service-quote").path("id").asText();
        await("the three shipment quotes of case " + c.getCaseNumber()).atMost(CaseApi.PATIENCE).until(() -> serviceQuotes
                .latest(c.getId(), "household-goods").stream().filter(q -> q.getStatus() == org.relocation.quote.ServiceQuote.Status.RECEIVED).count() == 3);
        String cheapest = serviceQuotes.latest(c.getId(), "household-goods").stream()
                .min(java.util.Comparator.comparing(org.relocation.quote.ServiceQuote::getPrice)).orElseThrow().getReference();
        CHOSEN_QUOTES.put(chooseTask, cheapest);
        Task task = tasks.createTaskQuery().taskId(chooseTask).singleResult();
        assertThat(task).as("task %s of case %s", form.formId(), c.getId()).isNotNull();
        return new OpenTask(form, c.getId(), task, null);
    }

    /**
     * Opens a case through the case API and takes it along its journey to the form's task, deciding every earlier
     * approval through the engine REST API: the approval brief then has the case's estimate and route to show.
     * <ul>
     * <li>approve-relocation: a long-term move well within its budget (the manager alone approves);</li>
     * <li>revise-intake: the same, sent back by the manager;</li>
     * <li>approve-policy-exception: the same with a small housing exception asked in intake;</li>
     * <li>approve-budget: a long-term move whose estimate exceeds its small budget;</li>
     * <li>approve-transfer: a permanent transfer to London with a EUR 80,000 housing exception (manager, HR lead, finance, second level).</li>
     * </ul>
     */
    private OpenTask throughTheJourney(TaskForm form) {
        String formId = form.formId();
        Map<String, Object> intake = formId.equals("approve-transfer")
                ? CaseApi.permanentTransferIntake("Fills " + formId) : CaseApi.longTermIntake("Fills " + formId);
        intake.put("budgetAmount", switch (formId) {
            case "approve-budget" -> 1000;
            case "approve-transfer" -> 60000;
            default -> 400000;
        });
        long caseId = api.open("specialist", intake);
        JsonNode review = api.awaitOpenTask("specialist", caseId, "review-intake");
        Long exceptionId = switch (formId) {
            case "approve-policy-exception" -> api.requestPolicyException("specialist", caseId, CaseApi.housingException("5000.00"));
            case "approve-transfer" -> api.requestPolicyException("specialist", caseId, CaseApi.housingException("80000.00"));
            default -> null;
        };
        api.completeThroughEngineRest("specialist", review.path("id").asText(), Map.of("intakeVerified", true, "reviewNotes", "Complete"));
        if (!formId.equals("approve-relocation")) {
            boolean sendBack = formId.equals("revise-intake");
            api.decide(caseId, "approve-relocation", sendBack ? "send-back" : "approve", sendBack ? SEND_BACK_COMMENT : "Approved");
        }
        if (formId.equals("approve-transfer")) {
            api.decide(caseId, "approve-policy-exception", "approve", "Within the housing market");
            api.decide(caseId, "approve-budget", "approve", "Budget approved");
        }
        String taskId = api.awaitOpenTask("specialist", caseId, formId).path("id").asText();
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        assertThat(task).as("task %s of case %s", formId, caseId).isNotNull();
        return new OpenTask(form, caseId, task, formId.equals("approve-policy-exception") ? exceptionId : null);
    }

    @Autowired
    org.relocation.destination.LeaseService leases;

    /**
     * A lease above the housing cap: a long-term case with its policy applied, a lease recorded at EUR 50,000 a month and
     * checked (the policy exception asked), the destination services waiting at the HR lead's decision.
     */
    private OpenTask leaseExceptionToDecide(TaskForm form) {
        RelocationCase c = cases.register(IntakeForm.toIntake(CaseApi.longTermIntake("Fills " + form.formId())), "specialist");
        long exceptionId = new TransactionTemplate(transactions).execute(s -> {
            policy.apply(c.getId());
            leases.record(c.getId(), new org.relocation.destination.LeaseService.LeaseInput("Unter den Linden 1, 10117 Berlin",
                    new BigDecimal("50000.00"), "EUR", new BigDecimal("150000.00"), START, START.plusYears(2)), "specialist");
            assertThat(leases.checkRent(c.getId())).as("rent of case %s within the cap", c.getId()).isFalse();
            return leases.find(c.getId()).orElseThrow().getExceptionId();
        });
        Map<String, Object> variables = new HashMap<>(ProcessVariables.forCase(c));
        variables.putAll(ROUTING.getOrDefault(form.formId(), Map.of()));
        ProcessInstance instance = runtime.createProcessInstanceByKey(form.processKey()).businessKey(c.getCaseNumber())
                .setVariables(variables).startBeforeActivity(form.formId()).execute();
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(form.formId()).singleResult();
        assertThat(task).as("task %s of %s", form.formId(), form.processKey()).isNotNull();
        return new OpenTask(form, c.getId(), task, exceptionId);
    }

    @Autowired
    org.relocation.vendor.VendorService vendorService;
    @Autowired
    org.relocation.vendor.VendorSlas vendorSlas;

    /**
     * A case hosted in "Manual Answers" whose temporary housing order is never answered (the simulator leaves it to the
     * test): the SLA watcher, run at the engine's time three weeks on, reminds the vendor, and a business week later
     * escalates the order to the specialists' resolve-vendor-delay.
     */
    private OpenTask vendorDelayToResolve(TaskForm form) {
        Map<String, Object> intake = CaseApi.longTermIntake("Fills " + form.formId());
        intake.put("hostCity", "Manual Answers");
        RelocationCase c = cases.register(IntakeForm.toIntake(intake), "specialist");
        org.relocation.vendor.ServiceOrder order = vendorService.order(c.getId(), org.relocation.vendor.ServiceType.TEMPORARY_HOUSING,
                "forms-" + java.util.UUID.randomUUID(), "Serviced apartment near the host office");
        assertThat(order.getConfirmBy()).as("the order's confirmation deadline").isNotNull();
        java.time.Instant late = order.getConfirmBy().plusDays(21).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        vendorSlas.check(late);
        vendorSlas.check(late.plus(java.time.Duration.ofDays(7)));
        String taskId = api.awaitOpenTask("specialist", c.getId(), form.formId()).path("id").asText();
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        assertThat(task).as("task %s of case %s", form.formId(), c.getId()).isNotNull();
        return new OpenTask(form, c.getId(), task, null);
    }

    /** Registers a case and starts the form's phase process right before the form's user task. */
    /**
     * A family of three dependants (partner, children of 9 and 4 on the start date) moving London to Berlin, whose
     * benefits policy was decided (host plan, dependants enrolled): the form opens with one entry per dependant.
     */
    private OpenTask benefitsEnrolmentToConfirm(TaskForm form) {
        Map<String, Object> intake = CaseApi.longTermIntake("Fills " + form.formId());
        intake.put("startDate", "2026-03-01");
        CaseApi.withDependants(intake, new String[] {"PARTNER", "Pat Partner", "1990-05-01"},
                new String[] {"CHILD", "Kim Child", "2016-09-01"}, new String[] {"CHILD", "Lou Child", "2021-07-01"});
        RelocationCase c = cases.register(IntakeForm.toIntake(intake), "specialist");
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            policy.apply(c.getId()); // the policy tier the benefits policy reads
            assertThat(benefits.determine(c.getId()).dependantsEligible()).as("dependants of case %s enrolled", c.getId()).isTrue();
        });
        return startedBefore(form, c);
    }

    @Autowired
    org.relocation.benefits.BenefitsService benefits;

    private OpenTask startedBefore(TaskForm form) {
        return startedBefore(form, cases.register(IntakeForm.toIntake(CaseApi.longTermIntake("Fills " + form.formId())), "specialist"));
    }

    private OpenTask startedBefore(TaskForm form, RelocationCase c) {
        Map<String, Object> variables = new HashMap<>(ProcessVariables.forCase(c));
        variables.putAll(ROUTING.getOrDefault(form.formId(), Map.of()));
        if (COUNSEL_FORMS.contains(form.formId())) {
            assertThat(immigration.determineRequirements(c.getId())).as("travellers of case %s needing a permit", c.getId()).isPositive();
        }
        if (form.formId().equals("record-lease")) { // the rent check after the task reads the case's housing cap
            new TransactionTemplate(transactions).executeWithoutResult(s -> policy.apply(c.getId()));
        }
        if (form.formId().equals("renew-permit")) { // the key date whose renewal is due: the employee's permit expiry
            variables.put("keyDateId", keyDates.register(c.getId(), null, "permit-expiry", TODAY.plusMonths(3), null).getId().toString());
        }
        ProcessInstance instance = runtime.createProcessInstanceByKey(form.processKey())
                .businessKey(c.getCaseNumber())
                .setVariables(variables)
                .startBeforeActivity(form.formId())
                .execute();
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(form.formId()).singleResult();
        assertThat(task).as("task %s of %s", form.formId(), form.processKey()).isNotNull();
        return new OpenTask(form, c.getId(), task, null);
    }

    /** Runs one form's check; on failure saves the browser's screenshot and DOM, and reloads the Tasklist for the next form. */
    private static void withEvidence(Tasklist tasklist, String formId, Runnable check) {
        try {
            check.run();
        } catch (RuntimeException | Error e) {
            tasklist.browser().saveEvidence(BrowserSessions.EVIDENCE, FormFillingBrowserIT.class.getSimpleName() + "-" + formId);
            try {
                tasklist.reload();
            } catch (RuntimeException | Error reloadFailed) {
                e.addSuppressed(reloadFailed);
            }
            throw e;
        }
    }

    private static boolean isPersonal(String key) {
        return key.startsWith("pd_") || key.startsWith("intake_");
    }

    /** Where the case records keep a personal form field, read through the case API or, if it does not show it, the repository. */
    private Object storedInCaseRecords(String key, long caseId, JsonNode details) {
        return switch (key) {
            case "pd_passportNumber" -> new TransactionTemplate(transactions).execute(s -> cases.get(caseId).employee().getPassportNumber());
            case "pd_passportExpiry" -> employee(details).path("passportExpiry");
            case "pd_rtwDocumentReference" -> {
                assertThat(details.path("rightToWorkChecks")).as("right-to-work checks of case %s", caseId).hasSize(1);
                yield details.path("rightToWorkChecks").get(0).path("documentReference");
            }
            case "pd_newPermitExpiry" -> details.path("permitRenewals").path(0).path("newExpiry");
            case "pd_applicationReference" -> details.path("permitRenewals").path(0).path("applicationReference");
            case "pd_leaseAddress" -> details.path("lease").path("address");
            case "pd_monthlyRent" -> details.path("lease").path("monthlyRent").path("amount");
            case "pd_depositAmount" -> details.path("lease").path("deposit").path("amount");
            case "pd_leaseStart" -> details.path("lease").path("leaseStart");
            case "pd_leaseEnd" -> details.path("lease").path("leaseEnd");
            case "pd_a1Reference" -> CaseApi.stream(details.path("documents"))
                    .filter(d -> d.path("documentType").asText().equals("a1-certificate")).findFirst()
                    .map(d -> d.path("note").asText().replaceFirst("^Reference ", "")).orElse(null);
            case "intake_nationality" -> employee(details).path("nationality");
            case "intake_lineManagerUserId" -> details.path("contacts").path("lineManager").path("userId");
            case "intake_specialistUserId" -> details.path("contacts").path("specialist").path("userId");
            case "intake_budgetAmount" -> details.path("budget").path("amount");
            case "intake_budgetCurrency" -> details.path("budget").path("currency");
            case "intake_baseSalaryAmount" -> new TransactionTemplate(transactions).execute(s -> cases.get(caseId).baseSalary().amount());
            case "intake_baseSalaryCurrency" -> new TransactionTemplate(transactions).execute(s ->
                    cases.get(caseId).baseSalary().currency().getCurrencyCode());
            default -> {
                String name = key.substring(key.indexOf('_') + 1);
                if (key.startsWith("intake_") && details.has(name)) {
                    yield details.path(name);
                }
                yield Assertions.<Object>fail("Form field " + key + " carries personal data (pd_/intake_ prefix), so it never becomes a process"
                        + " variable, and the test does not know where the case records keep it: add it to"
                        + " FormFillingBrowserIT.storedInCaseRecords");
            }
        };
    }

    private static JsonNode employee(JsonNode details) {
        return CaseApi.stream(details.path("travellers")).filter(t -> "EMPLOYEE".equals(t.path("relationship").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no EMPLOYEE traveller in " + details.path("travellers")));
    }

    /** The latest submission of a form on the case record (every submission is kept there, whatever the history level). */
    private static JsonNode submission(JsonNode details, String formId) {
        List<JsonNode> found = CaseApi.stream(details.path("submissions")).filter(s -> formId.equals(s.path("formId").asText())).toList();
        assertThat(found).as("submissions of form %s on the case record: %s", formId, details.path("submissions")).isNotEmpty();
        return found.get(found.size() - 1);
    }

    private void assertNoVariable(String formId, String processInstanceId, String name) {
        assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(processInstanceId).variableName(name).count())
                .as("form %s: field %s (case records only) as a process variable", formId, name).isZero();
    }

    /**
     * The value arrived as entered: a String as that String, a Boolean as that Boolean, a Number as an equal number, a
     * date as yyyy-mm-dd. Process variables must also keep the kind (a ticked box is a Boolean, not "true");
     * case-record values read as JSON are compared by their text.
     */
    private static void assertSame(String what, Object entered, Object arrived) {
        if (entered instanceof List<?> entries && arrived instanceof JsonNode node) { // a dynamic list: entry by entry
            assertThat(node.isArray()).as("%s: a list (%s)", what, node).isTrue();
            assertThat(node.size()).as("%s: entries", what).isEqualTo(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                int index = i;
                ((Map<?, ?>) entries.get(i)).forEach((k, v) -> assertSame(what + "[" + index + "]." + k, v, node.get(index).path(String.valueOf(k))));
            }
            return;
        }
        if (arrived instanceof JsonNode node) {
            assertThat(node.isMissingNode() || node.isNull()).as("%s: stored at all (%s)", what, node).isFalse();
            if (entered instanceof Number n) {
                assertThat(node.decimalValue()).as(what).isEqualByComparingTo(new BigDecimal(n.toString()));
            } else {
                assertThat(node.asText()).as(what).isEqualTo(String.valueOf(entered));
            }
            return;
        }
        if (entered instanceof LocalDate date) {
            assertThat(arrived).as(what).isInstanceOf(String.class);
            assertThat((String) arrived).as(what).isEqualTo(date.toString());
        } else if (entered instanceof Number n) {
            assertThat(arrived).as(what).isInstanceOf(Number.class);
            assertThat(new BigDecimal(arrived.toString())).as(what).isEqualByComparingTo(new BigDecimal(n.toString()));
        } else {
            assertThat(arrived).as(what).isEqualTo(entered);
        }
    }

    private static Map<String, Object> values(Object... keysAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return values;
    }
}
