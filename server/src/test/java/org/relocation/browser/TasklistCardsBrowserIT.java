package org.relocation.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The specialist tells cases apart in the Tasklist's list: the card of a case's task names the case number and the
 * route, shows its due date, and no meaningless priority.
 */
class TasklistCardsBrowserIT extends BrowserTestSupport {

    @Test
    void theSpecialistSeesCaseNumberRouteAndDueDateOnTheCard() {
        Map<String, Object> intake = CaseApi.longTermIntake("Tasklist Cards");
        long caseId = api.open("specialist", intake);
        String taskId = api.awaitOpenTask("specialist", caseId, "review-intake").path("id").asText();
        String caseNumber = api.get("specialist", caseId).path("caseNumber").asText();

        Tasklist tasklist = tasklistAs("specialist");
        By cardOfTask = By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(@class,'task')][.//a[contains(@href,'task=" + taskId + "')]]");
        WebElement card = tasklist.browser().await("the card of task " + taskId, ExpectedConditions.presenceOfElementLocated(cardOfTask));
        ((org.openqa.selenium.JavascriptExecutor) tasklist.browser().driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", card);
        String name = card.findElement(By.cssSelector("h4.task")).getText();
        assertThat(name).startsWith("Review intake · " + caseNumber + " · ").contains(" → ").doesNotContain("Tasklist Cards");
        assertThat(card.findElements(By.cssSelector(".priority"))).as("the priority element is there, hidden")
                .isNotEmpty().noneMatch(WebElement::isDisplayed);
        assertThat(card.getText()).as("the card shows when the task is due").containsIgnoringCase("due");
    }
}
