package org.relocation.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * People complete their tasks in the Tasklist, and the case moves on: the specialist reviews the intake,
 * the manager approves the relocation. Cases are opened through the case API; outcomes are read back from it.
 */
class TaskCompletionBrowserIT extends BrowserTestSupport {

    @Test
    void specialistReviewsTheIntakeInTheTasklist() {
        long caseId = api.open("specialist", CaseApi.longTermIntake("Tasklist Review"));
        JsonNode review = api.awaitOpenTask("specialist", caseId, "review-intake");

        tasklistAs("specialist")
                .openTask(review.path("id").asText(), "Review intake")
                .claim()
                .tick("Field_intakeVerified")
                .type("Field_reviewNotes", "Checked in the browser test")
                .complete(review.path("id").asText());

        JsonNode details = await("approve-relocation of case " + caseId).atMost(CaseApi.PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> api.get("specialist", caseId), d -> CaseApi.openTask(d, "approve-relocation").isPresent());
        assertThat(CaseApi.openTaskKeys(details)).contains("approve-relocation").doesNotContain("review-intake");
        assertThat(CaseApi.stream(details.path("timeline")))
                .as("timeline of case %s", caseId)
                .anySatisfy(e -> {
                    assertThat(e.path("kind").asText()).isEqualTo("TASK_COMPLETED");
                    assertThat(e.path("elementId").asText()).isEqualTo("review-intake");
                    assertThat(e.path("actor").asText()).isEqualTo("specialist");
                });
    }

    @Test
    void managerApprovesTheRelocationInTheTasklist() {
        Map<String, Object> intake = CaseApi.longTermIntake("Tasklist Approval");
        intake.put("budgetAmount", 400000); // well within the budget: the manager's approval is the only one the route asks
        long caseId = api.open("specialist", intake);
        JsonNode review = api.awaitOpenTask("specialist", caseId, "review-intake");
        api.completeThroughEngineRest("specialist", review.path("id").asText(), Map.of("intakeVerified", true, "reviewNotes", "Complete"));
        JsonNode approval = api.awaitOpenTask("specialist", caseId, "approve-relocation");

        Tasklist tasklist = tasklistAs("manager")
                .openTask(approval.path("id").asText(), "Approve relocation")
                .awaitEditableForm(); // assigned to the case's line manager when created: nothing to claim
        String brief = tasklist.browser().await("the approval brief's totals", d -> {
            String shown = tasklist.form().getText();
            return shown.contains("Estimate version 1") && shown.contains("Variance") ? shown : null;
        });
        assertThat(brief).as("the approval brief the manager reads").contains(api.get("manager", caseId).path("caseNumber").asText(),
                "Estimate lines", "Why each approval is needed", "within budget");
        assertThat(brief).as("amounts with thousands separators").containsPattern("EUR \\d{1,3}(,\\d{3})+\\.\\d{2}")
                .containsPattern("\\d+\\.\\d%").contains("Relocation allowance EUR").doesNotContain("{{");
        tasklist.form().findElements(org.openqa.selenium.By.cssSelector(".fjs-form-field-table")).stream().findFirst()
                .ifPresent(table -> tasklist.script("arguments[0].scrollIntoView({block: 'start'});", table));
        screenshot(tasklist, "approval-form.png");
        tasklist.choose("Field_managerDecision", "Approve")
                .type("Field_managerComment", "Approved in the browser test")
                .complete(approval.path("id").asText());

        JsonNode details = await("the manager's decision on case " + caseId).atMost(CaseApi.PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> api.get("manager", caseId), d -> !d.path("approvals").isEmpty());
        assertThat(CaseApi.stream(details.path("approvals")))
                .as("approvals of case %s", caseId)
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.path("step").asText()).isEqualTo("manager");
                    assertThat(a.path("decision").asText()).isEqualTo("approve");
                    assertThat(a.path("comment").asText()).isEqualTo("Approved in the browser test");
                    assertThat(a.path("decidedBy").asText()).isEqualTo("manager");
                });
        assertThat(CaseApi.openTaskKeys(details)).doesNotContain("approve-relocation", "approve-budget", "approve-policy-exception", "approve-transfer");
        assertThat(CaseApi.stream(details.path("timeline")))
                .anySatisfy(e -> {
                    assertThat(e.path("kind").asText()).isEqualTo("TASK_COMPLETED");
                    assertThat(e.path("elementId").asText()).isEqualTo("approve-relocation");
                    assertThat(e.path("actor").asText()).isEqualTo("manager");
                });
    }

    @Test
    void specialistOpensACaseWithTheStartFormInTheTasklist() {
        LocalDate start = LocalDate.now().plusMonths(2).withDayOfMonth(1);
        Tasklist tasklist = tasklistAs("specialist").startProcess("Relocation")
                .type("Field_intake_employeeName", "Started In Tasklist")
                .type("Field_intake_employeeEmail", "employee2@example.com")
                .type("Field_intake_employeeUserId", "employee2")
                .type("Field_intake_lineManagerUserId", "manager2")
                .select("Field_intake_nationality", "Netherlands")
                .select("Field_intake_homeCountry", "Netherlands")
                .type("Field_intake_homeCity", "Utrecht")
                .select("Field_intake_hostCountry", "United States")
                .type("Field_intake_hostCity", "Boston")
                .select("Field_intake_assignmentType", "Long-term assignment (12 to 60 months)")
                .date("Field_intake_startDate", start)
                .date("Field_intake_endDate", start.plusYears(2))
                .type("Field_intake_costCentre", "CC-US-200")
                .type("Field_intake_budgetAmount", "75000")
                .select("Field_intake_budgetCurrency", "USD – US dollar")
                .type("Field_intake_gradeLevel", "5")
                .type("Field_intake_baseSalaryAmount", "120000")
                .select("Field_intake_baseSalaryCurrency", "USD – US dollar");
        tasklist.submitStartForm();

        long caseId = await("the case started in the Tasklist").atMost(CaseApi.PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> api.findByEmployeeName("specialist", "Started In Tasklist"), Optional::isPresent)
                .orElseThrow().path("id").asLong();
        api.awaitOpenTask("specialist", caseId, "review-intake");
        JsonNode details = api.get("specialist", caseId);
        assertThat(details.path("employeeUserId").asText()).isEqualTo("employee2");
        assertThat(details.path("homeCountry").asText() + ">" + details.path("hostCountry").asText()).isEqualTo("NL>US");
        assertThat(details.path("hostCity").asText()).isEqualTo("Boston");
        assertThat(details.path("assignmentType").asText()).isEqualTo("LONG_TERM");
        assertThat(details.path("startDate").asText()).isEqualTo(start.toString());
        assertThat(details.path("endDate").asText()).isEqualTo(start.plusYears(2).toString());
        assertThat(details.path("budget").path("amount").decimalValue()).isEqualByComparingTo("75000");
        assertThat(details.path("budget").path("currency").asText()).isEqualTo("USD");
        assertThat(details.path("gradeLevel").asInt()).isEqualTo(5);
        assertThat(details.path("contacts").path("lineManager").path("userId").asText()).isEqualTo("manager2");
        assertThat(details.path("contacts").path("specialist").path("userId").asText()).isNotBlank();
        assertThat(CaseApi.stream(details.path("timeline")))
                .anySatisfy(e -> {
                    assertThat(e.path("kind").asText()).isEqualTo("CASE_OPENED");
                    assertThat(e.path("actor").asText()).isEqualTo("specialist");
                });
    }

    /** Saves what the browser shows to docs/screenshots (the module runs in server/) for the README. */
    private static void screenshot(Tasklist tasklist, String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("..", "docs", "screenshots");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.write(dir.resolve(name), ((org.openqa.selenium.TakesScreenshot) tasklist.browser().driver())
                    .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
