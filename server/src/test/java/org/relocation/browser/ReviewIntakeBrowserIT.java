package org.relocation.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15's browser list, "open the workspace from a form, review and send back an intake": the specialist sends the
 * intake back from "Review intake" with what must change, the revision task follows, and the form's "Open the case page"
 * link opens that case in the workspace (same login), where the revision is among the open tasks.
 */
class ReviewIntakeBrowserIT extends BrowserTestSupport {

    @Test
    void theSpecialistSendsTheIntakeBackAndOpensTheCaseFromTheForm() {
        long caseId = api.open("specialist", CaseApi.longTermIntake("Sent Back"));
        String number = api.get("specialist", caseId).path("caseNumber").asText();
        JsonNode review = api.awaitOpenTask("specialist", caseId, "review-intake");

        Tasklist tasklist = tasklistAs("specialist").openTask(review.path("id").asText(), "Review intake").claim();
        WebElement link = tasklist.browser().await("the form's link to the case page",
                d -> d.findElements(By.linkText("Open the case page")).stream().findFirst().orElse(null));
        String casePage = link.getAttribute("href");
        assertThat(casePage).endsWith("/cases/#" + number);
        assertThat(tasklist.isShown("Field_reviewComment")).as("what must change: only to send back").isFalse();

        tasklist.choose("Field_reviewDecision", "Send back for changes")
                .type("Field_reviewComment", "The host city must be Munich")
                .tick("Field_intakeVerified")
                .complete(review.path("id").asText());
        JsonNode revise = api.awaitOpenTask("specialist", caseId, "revise-intake");
        assertThat(revise.path("id").asText()).isNotBlank();

        WebDriver page = tasklist.browser().driver();
        page.get(casePage);
        tasklist.browser().await("the case " + number, ExpectedConditions.textToBe(By.id("case-number"), number));
        tasklist.browser().await("the revision among the open tasks",
                ExpectedConditions.textToBePresentInElementLocated(By.id("open-tasks"), "Revise intake"));
    }
}
