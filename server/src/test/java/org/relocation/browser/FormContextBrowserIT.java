package org.relocation.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.relocation.Api;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Task forms show their case: the form-js viewer of the Tasklist fills the first text component's templates
 * ({@code {{caseCard.number}}}) from the case card the server adds as a Json form variable, and links to the case page;
 * the document validation form shows its table of documents per traveller from the {@code documents} context.
 */
class FormContextBrowserIT extends BrowserTestSupport {

    @Test
    void theReviewFormShowsTheCaseCardAndLinksToTheCasePage() {
        Map<String, Object> intake = CaseApi.longTermIntake("Card Shown");
        long caseId = api.open("specialist", intake);
        String number = api.get("specialist", caseId).path("caseNumber").asText();
        JsonNode review = api.awaitOpenTask("specialist", caseId, "review-intake");

        Tasklist tasklist = tasklistAs("specialist").openTask(review.path("id").asText(), "Review intake");
        WebElement summary = tasklist.browser().await("the case summary to show the case number",
                d -> d.findElements(By.cssSelector("form.fjs-form .fjs-form-field-text")).stream()
                        .filter(e -> e.getText().contains(number)).findFirst().orElse(null));
        assertThat(summary.getText()).contains("Case summary", number, "Long-term assignment", "→")
                .doesNotContain("{{", "Card Shown");
        WebElement link = summary.findElement(By.linkText("Open the case page"));
        assertThat(link.getAttribute("href")).endsWith("/cases/#" + number);
    }

    @Test
    void theDocumentValidationFormListsTheDocumentsPerTravellerAndLinksToThem() {
        Api specialist = Api.as(port, "specialist");
        JsonNode created = specialist.openCase(Api.intake("employee2", "IN", "GB", "DE", "LONG_TERM", "250000"));
        long id = created.path("id").asLong();
        String number = created.path("caseNumber").asText();
        specialist.completeTask(number, "review-intake", Api.vars("intakeVerified", true));
        specialist.approveAll(id, number);
        Api.as(port, "employee2").provideDocuments(id, number, "X5566778", "2033-01-31");
        String task = specialist.awaitTask(number, "validate-immigration-documents");

        Tasklist tasklist = tasklistAs("specialist").openTask(task, "Validate immigration documents");
        WebElement table = tasklist.browser().await("the documents table to list the passport copy",
                d -> d.findElements(By.cssSelector("form.fjs-form .fjs-form-field-table")).stream()
                        .filter(e -> e.getText().contains("Passport copy")).findFirst().orElse(null));
        assertThat(table.getText()).contains("Traveller", "Document", "Status", "File", "Reviewed", "Employee", "Passport copy",
                "Assignment letter", "provided, to review", "version 1", "not yet").doesNotContain("X5566778", "passport-copy", "{{");
        WebElement link = tasklist.form().findElement(By.linkText("Open the documents on the case page"));
        assertThat(link.getAttribute("href")).endsWith("/cases/#" + number + "/documents");
    }
}
