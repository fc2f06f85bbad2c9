package org.relocation.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Task forms show their case: the form-js viewer of the Tasklist fills the first text component's templates
 * ({@code {{caseCard.number}}}) from the case card the server adds as a Json form variable, and links to the case page.
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
}
