package org.relocation.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A specialist opens a case from the Tasklist's start form, as a person would: "Start process" → Relocation, Germany
 * picked from the country list, a dependant added, no end date for a permanent transfer. A mistyped employee login is
 * refused with a sentence naming the field by its label; corrected, the case opens, the Tasklist says where to find it
 * (our PROCESS_START_OK, META-INF/resources/webjars/operaton/app/tasklist/locales/), and the case page lists it under
 * "Cases I opened or work on" with its number, the dependant among the travellers.
 */
class StartCaseBrowserIT extends BrowserTestSupport {

    private static final String EMPLOYEE = "Stella Startform";
    private static final String DEPENDANT = "Dario Dependant";
    private static final By START_DIALOG_ERROR = By.cssSelector(".modal-dialog .alert-danger");
    private static final By START_MESSAGE = By.xpath("//*[contains(@class,'page-notifications')]"
            + "//*[contains(normalize-space(.),'The case has been opened')]");

    @Test
    void aSpecialistStartsACaseInTheTasklistAndFindsItOnTheCasePage() {
        Tasklist tasklist = tasklistAs("specialist");
        WebDriver page = tasklist.browser().driver();
        tasklist.startProcess("Relocation");
        LocalDate start = LocalDate.now().plusMonths(3).withDayOfMonth(1);
        tasklist.type("Field_intake_employeeName", EMPLOYEE)
                .type("Field_intake_employeeEmail", "stella.startform@example.com")
                .type("Field_intake_employeeUserId", "emplyee") // mistyped: no such login
                .type("Field_intake_lineManagerUserId", "manager")
                .select("Field_intake_nationality", "United Kingdom")
                .select("Field_intake_homeCountry", "United Kingdom")
                .type("Field_intake_homeCity", "London")
                .select("Field_intake_hostCountry", "Germany")
                .type("Field_intake_hostCity", "Berlin")
                .select("Field_intake_assignmentType", "Permanent transfer");
        assertThat(tasklist.isShown("Field_intake_endDate")).as("no end date asked for a permanent transfer").isFalse();
        tasklist.date("Field_intake_startDate", start)
                .type("Field_intake_costCentre", "CC-DE-100")
                .type("Field_intake_budgetAmount", "60000")
                .select("Field_intake_budgetCurrency", "EUR – Euro")
                .type("Field_intake_gradeLevel", "6")
                .type("Field_intake_baseSalaryAmount", "90000")
                .select("Field_intake_baseSalaryCurrency", "EUR – Euro")
                .tick("Field_intake_hasDependent1")
                .select("Field_intake_dependent1Relationship", "Partner")
                .type("Field_intake_dependent1FullName", DEPENDANT)
                .select("Field_intake_dependent1Nationality", "United Kingdom")
                .date("Field_intake_dependent1BirthDate", LocalDate.of(1991, 4, 12));

        // the mistyped login: refused, in words naming the field by its label, and the dialog keeps what was entered
        clickStart(tasklist);
        WebElement refusal = tasklist.browser().await("the refusal of the mistyped login", d -> visible(d, Tasklist.ERROR_NOTIFICATION)
                .or(() -> visible(d, START_DIALOG_ERROR)).orElse(null));
        String refused = refusal.getText();
        assertThat(refused).contains("Employee login: must be the login of an existing user: no user has this login")
                .doesNotContain("intake_employeeUserId").doesNotContain("{");
        // and the same sentence under the field it names (scripts/field-errors.js), not only at the top of the page
        WebElement underField = tasklist.browser().await("the refusal under the Employee login field", d -> d.findElements(
                By.cssSelector(".modal-dialog .fjs-form-field.fjs-has-errors .relocation-field-error[data-field='intake_employeeUserId']"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        assertThat(underField.getText()).startsWith("Employee login: must be the login of an existing user");
        assertThat(underField.findElement(By.xpath("ancestor::div[contains(@class,'fjs-form-field')][1]")).getText())
                .as("the sentence sits in the Employee login field").contains("Employee login");
        assertThat(page.findElements(Tasklist.START_DIALOG)).as("the start dialog stays open").anyMatch(WebElement::isDisplayed);
        assertThat(api.findByEmployeeName("specialist", EMPLOYEE)).as("nothing opened").isEmpty();
        // the person closes the message, corrects the login and starts again
        page.findElements(By.cssSelector(".page-notifications .alert-danger button.close, .modal-dialog .alert-danger button.close"))
                .stream().filter(WebElement::isDisplayed).forEach(WebElement::click);
        tasklist.browser().await("the refusal to be closed", d -> visible(d, Tasklist.ERROR_NOTIFICATION).isEmpty()
                && visible(d, START_DIALOG_ERROR).isEmpty());

        tasklist.type("Field_intake_employeeUserId", "employee");
        assertThat(page.findElements(By.cssSelector(".relocation-field-error"))).as("editing the field clears its sentence")
                .noneMatch(WebElement::isDisplayed);
        tasklist.submitStartForm();
        WebElement message = tasklist.browser().await("the start message", ExpectedConditions.visibilityOfElementLocated(START_MESSAGE));
        assertThat(message.getText()).contains("The case has been opened").contains("Cases I opened or work on").contains("/cases/");

        JsonNode opened = await("the case opened by the start form").atMost(CaseApi.PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> api.findByEmployeeName("specialist", EMPLOYEE), Optional::isPresent).orElseThrow();
        String number = opened.path("caseNumber").asText();

        page.get(baseUrl() + "/cases/");
        WebElement mine = tasklist.browser().await("the case page", ExpectedConditions.visibilityOfElementLocated(By.id("mine")));
        assertThat(mine.isSelected()).as("a specialist's list starts with their own cases").isTrue();
        assertThat(page.findElement(By.cssSelector("label.check")).getText()).isEqualTo("Cases I opened or work on");
        WebElement link = tasklist.browser().await("the new case in the list", ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//table[@id='cases']//a[text()='" + number + "']")));
        assertThat(page.findElement(By.cssSelector("#cases tbody tr")).getText()).as("newest first").contains(number)
                .contains(EMPLOYEE).contains("Berlin").contains("permanent transfer");
        link.click();
        tasklist.browser().await("the case " + number, ExpectedConditions.textToBe(By.id("case-number"), number));
        assertThat(page.findElement(By.cssSelector(".case-header")).getText()).contains("open-ended").contains("GB London → DE Berlin");
        List<String> travellers = page.findElements(By.cssSelector("#traveller-list tbody tr")).stream().map(WebElement::getText).toList();
        assertThat(travellers).anySatisfy(t -> assertThat(t).contains(DEPENDANT).contains("partner"))
                .anySatisfy(t -> assertThat(t).contains(EMPLOYEE).contains("employee"));
    }

    private static void clickStart(Tasklist tasklist) {
        By start = By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space(.)='Start']");
        tasklist.browser().await("the Start button of the start dialog", ExpectedConditions.elementToBeClickable(start)).click();
    }

    private static Optional<WebElement> visible(WebDriver driver, By locator) {
        return driver.findElements(locator).stream().filter(WebElement::isDisplayed).findFirst();
    }
}
