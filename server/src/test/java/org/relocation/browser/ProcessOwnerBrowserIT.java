package org.relocation.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.repository.DecisionDefinition;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The process-owner page (/process-owner/) as the demo process owner uses it: logged in through the Tasklist (the
 * page has no login of its own), they upload a changed decision table, see the rule that changed and that nothing is
 * wrong with it, can deploy only once they say why, and find their deployment in the log with their comment.
 */
class ProcessOwnerBrowserIT extends BrowserTestSupport {

    private static final By DEPLOY = By.id("deploy");
    private static final String COMMENT = "Allowances 2027: housing cap band C raised to 3500";

    @Autowired
    RepositoryService repository;

    private final List<String> deployments = new ArrayList<>();

    @AfterEach
    void removeDeployedChange() {
        deployments.forEach(id -> repository.deleteDeployment(id, true));
    }

    @Test
    void theOwnerComparesAChangedDecisionTableAndDeploysItWithAComment() throws IOException {
        int before = latestAllowances().getVersion();
        Path changed = changedAllowances();
        Browser browser = openPage("owner");
        WebDriver page = browser.driver();
        WebElement models = browser.await("the deployed models", ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//table[@id='decisions']//tr[th[contains(., 'relocation-allowances')]]")));
        assertThat(models.getText()).as("the latest decision table version").contains("v" + before).contains("latest");

        page.findElement(By.cssSelector("[role=tab][data-tab='change']")).click();
        page.findElement(By.id("files")).sendKeys(changed.toAbsolutePath().toString());
        page.findElement(By.id("validate")).click();
        WebElement summary = browser.await("the validation of the changed decision table",
                ExpectedConditions.visibilityOfElementLocated(By.id("validation-summary")));
        assertThat(summary.getText()).startsWith("No errors.");
        WebElement diff = page.findElement(By.cssSelector(".diff[data-file='relocation-allowances.dmn']"));
        assertThat(diff.getText()).as("the diff against the deployed version")
                .contains("compared with deployed version " + before)
                .contains("rule-long-term-band-c")
                .contains("3200").contains("3500");
        assertThat(page.findElements(By.cssSelector("#diagram td.diff-changed"))).as("the changed rule marked in the table").isNotEmpty();

        assertThat(page.findElement(DEPLOY).isEnabled()).as("Deploy without a comment").isFalse();
        page.findElement(By.id("comment")).sendKeys("cap");
        assertThat(page.findElement(DEPLOY).isEnabled()).as("Deploy with a one-word comment").isFalse();
        page.findElement(By.id("comment")).sendKeys(" 3500 band C from 2027");
        assertThat(page.findElement(DEPLOY).isEnabled()).as("Deploy once the comment says why").isTrue();
        page.findElement(By.id("comment")).clear();
        page.findElement(By.id("comment")).sendKeys(COMMENT);
        page.findElement(DEPLOY).click();

        WebElement deployed = browser.await("the deployment's confirmation", ExpectedConditions.visibilityOfElementLocated(By.id("deployed")));
        DecisionDefinition latest = latestAllowances();
        deployments.add(latest.getDeploymentId());
        assertThat(latest.getVersion()).isEqualTo(before + 1);
        assertThat(deployed.getText()).contains("relocation-allowances v" + (before + 1));
        assertThat(repository.createDeploymentQuery().deploymentId(latest.getDeploymentId()).singleResult().getName()).isEqualTo(COMMENT);

        page.findElement(By.cssSelector("[role=tab][data-tab='deployments']")).click();
        WebElement row = browser.await("the deployment in the log", ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//table[@id='deployments']//tr[td[contains(., '" + COMMENT + "')]]")));
        assertThat(row.getText()).contains("owner").contains("relocation-allowances v" + (before + 1));
    }

    @Test
    void withoutALoginThePageSendsPeopleToTheTasklistLogin() {
        Browser browser = browsers.start("anonymous");
        browser.driver().get(baseUrl() + "/process-owner/");
        WebElement notice = browser.await("the log-in notice", ExpectedConditions.visibilityOfElementLocated(By.id("signed-out")));
        assertThat(notice.getText()).contains("Log in first");
        assertThat(browser.driver().findElement(By.id("app")).isDisplayed()).isFalse();
    }

    @Test
    void aSpecialistIsToldThePageIsForProcessOwners() {
        WebElement notice = openPage("specialist").await("the not-allowed notice", ExpectedConditions.visibilityOfElementLocated(By.id("forbidden")));
        assertThat(notice.getText()).contains("process owners");
    }

    /** Logs in to the Tasklist as this demo user, then opens the page in the same browser (the same session). */
    private Browser openPage(String user) {
        Browser browser = browsers.start(user);
        Tasklist.login(browser, baseUrl(), user, CaseApi.PASSWORD);
        browser.driver().get(baseUrl() + "/process-owner/");
        return browser;
    }

    private DecisionDefinition latestAllowances() {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey("relocation-allowances").latestVersion().singleResult();
    }

    /** The shipped decision table with band C's housing cap raised from 3200 to 3500, as an owner saves it from the Modeler. */
    private static Path changedAllowances() throws IOException {
        String dmn;
        try (var in = ProcessOwnerBrowserIT.class.getResourceAsStream("/processes/relocation-allowances.dmn")) {
            assertThat(in).as("relocation-allowances.dmn on the classpath").isNotNull();
            dmn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher rule = Pattern.compile("(<rule id=\"rule-long-term-band-c\">.*?<outputEntry id=\"rule-long-term-band-c-housing-cap-monthly\">\\s*<text>)3200(</text>)",
                Pattern.DOTALL).matcher(dmn);
        assertThat(rule.find()).as("band C's housing cap of 3200 in the shipped table").isTrue();
        Path dir = Files.createTempDirectory("process-owner-it-");
        Path file = dir.resolve("relocation-allowances.dmn");
        Files.writeString(file, rule.replaceFirst("$13500$2"));
        file.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        return file;
    }
}
