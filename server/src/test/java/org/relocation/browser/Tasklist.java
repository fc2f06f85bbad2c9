package org.relocation.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.fail;

/**
 * The Operaton Tasklist (/operaton/app/tasklist/) as a person uses it: log in, open a task from the
 * list, claim it, fill its form-js form and complete it, or start a process from its start form.
 * Form fields are found by the form-js element ids, which end in the component id of the form file
 * ({@code Field_<key>} in forms/*.form).
 */
final class Tasklist {

    static final By USERNAME = By.cssSelector("form[name='signinForm'] input[ng-model='username']");
    static final By PASSWORD = By.cssSelector("form[name='signinForm'] input[ng-model='password']");
    static final By LOG_IN = By.cssSelector("form[name='signinForm'] button[type='submit']");
    /** Present only once logged in: the filter column of the task list view. */
    static final By LOGGED_IN = By.cssSelector(".column-left.task-filters");
    static final By ERROR_NOTIFICATION = By.cssSelector(".page-notifications .alert-danger");
    static final By TASK_FORM = By.cssSelector("[cam-tasklist-form-operaton] form.fjs-form");
    /** The task form's wrapper; it has the class disabled-form until the task is claimed. */
    static final By FORM_WRAPPER = By.cssSelector("div[ng-if='tasklistForm.type']");
    static final By FORM_FAILURE = By.cssSelector("[ng-show='tasklistForm.$error']");
    static final By CLAIM = By.cssSelector("button.claim");
    static final By COMPLETE = By.cssSelector(".form-actions button.btn-primary[ng-click='complete()']");
    static final By START_PROCESS = By.cssSelector("li.start-process-action a");
    static final By START_DIALOG = By.cssSelector(".modal-dialog");
    /** A form-js field that shows a validation error (e.g. "Field is required."). */
    static final By FIELD_WITH_ERRORS = By.cssSelector("form.fjs-form .fjs-form-field.fjs-has-errors");
    static final By EDITABLE_FORM = By.cssSelector("div[ng-if='tasklistForm.type']:not(.disabled-form)");

    private final Browser browser;
    private final WebDriver driver;
    private final String home;

    private Tasklist(Browser browser, String home) {
        this.browser = browser;
        this.driver = browser.driver();
        this.home = home;
    }

    /** Opens the Tasklist and logs in through its login form. */
    static Tasklist login(Browser browser, String baseUrl, String user, String password) {
        Tasklist tasklist = new Tasklist(browser, baseUrl + "/operaton/app/tasklist/");
        WebDriver d = tasklist.driver;
        d.get(tasklist.home);
        browser.await("the Tasklist login form", ExpectedConditions.or(
                ExpectedConditions.visibilityOfElementLocated(USERNAME),
                ExpectedConditions.urlContains("/setup/")));
        if (d.getCurrentUrl().contains("/setup/")) {
            fail("Opening /operaton/app/tasklist/ redirected to the Admin initial-user setup page (" + d.getCurrentUrl()
                    + ") instead of the Tasklist login: Operaton's webapps redirect every visit there while no user is a"
                    + " member of the group 'operaton-admin', and that page lets anyone create an administrator.");
        }
        d.findElement(USERNAME).sendKeys(user);
        d.findElement(PASSWORD).sendKeys(password);
        d.findElement(LOG_IN).click();
        browser.await("the task list after logging in as " + user, ExpectedConditions.or(
                ExpectedConditions.presenceOfElementLocated(LOGGED_IN),
                visibleError()));
        tasklist.failOnError("logging in as " + user);
        return tasklist;
    }

    /** Clicks the task in the task list (it must be there) and waits for its form. */
    Tasklist openTask(String taskId, String taskName) {
        Optional<WebElement> previousForm = driver.findElements(TASK_FORM).stream().findFirst();
        By link = taskLink(taskId);
        WebElement entry = browser.await("task '" + taskName + "' (" + taskId + ") in the task list", ExpectedConditions.elementToBeClickable(link));
        // a long list runs under the fixed footer: bring the entry to the middle of the list first
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", entry);
        browser.await("task '" + taskName + "' (" + taskId + ") to be clickable", ExpectedConditions.elementToBeClickable(entry)).click();
        browser.await("task '" + taskName + "' to be opened", ExpectedConditions.urlContains("task=" + taskId));
        previousForm.ifPresent(f -> browser.await("the previous task's form to go", ExpectedConditions.stalenessOf(f)));
        browser.await("the form of task '" + taskName + "'", ExpectedConditions.or(
                ExpectedConditions.visibilityOfElementLocated(TASK_FORM),
                visible(FORM_FAILURE),
                visibleError()));
        failOnError("opening task '" + taskName + "'");
        failOnFormFailure("task '" + taskName + "'");
        browser.await("the task header to name '" + taskName + "'",
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".names h2.task"), taskName));
        return this;
    }

    /** Claims the open task and waits until its form is editable. */
    Tasklist claim() {
        browser.await("the Claim button", ExpectedConditions.elementToBeClickable(CLAIM)).click();
        browser.await("the task to be claimed", ExpectedConditions.or(
                ExpectedConditions.and(ExpectedConditions.invisibilityOfElementLocated(CLAIM),
                        ExpectedConditions.presenceOfElementLocated(EDITABLE_FORM)),
                visibleError()));
        failOnError("claiming the task");
        return this;
    }

    /** Waits until the open task's form is editable without claiming: for a task already assigned to this user. */
    Tasklist awaitEditableForm() {
        browser.await("the form of the task assigned to " + browser.label() + " to be editable", ExpectedConditions.or(
                ExpectedConditions.presenceOfElementLocated(EDITABLE_FORM), visibleError()));
        failOnError("opening the assigned task");
        return this;
    }

    /** Opens the Tasklist's start page again (same session), e.g. to recover after a failed step. */
    Tasklist reload() {
        driver.get(home);
        browser.await("the task list after reloading", ExpectedConditions.presenceOfElementLocated(LOGGED_IN));
        return this;
    }

    /**
     * The elements a person types into, ticks or clicks for a form component of the rendered form: form-js ids are
     * {@code <form instance>-<component id>}, with {@code -<n>} for radio options, {@code -date} for a date picker's
     * input, {@code -display} for a select's visible box (its own input is hidden). Does not wait.
     */
    List<WebElement> inputs(String componentId) {
        Pattern id = Pattern.compile(".*-" + Pattern.quote(componentId) + "(-\\d+|-date|-time|-display)?");
        return driver.findElements(By.cssSelector("form.fjs-form [id*='-" + componentId + "']")).stream()
                .filter(e -> id.matcher(e.getAttribute("id")).matches())
                .toList();
    }

    /** Whether the rendered form shows the component now (a condition may hide it); does not wait. */
    boolean isShown(String componentId) {
        return inputs(componentId).stream().anyMatch(WebElement::isDisplayed);
    }

    /** The validation errors form-js shows under fields, as "label: message", e.g. "Passport number: Field is required.". */
    List<String> fieldErrors() {
        return driver.findElements(FIELD_WITH_ERRORS).stream().filter(WebElement::isDisplayed).map(field -> {
            String label = field.findElements(By.cssSelector(".fjs-form-field-label")).stream().findFirst()
                    .map(WebElement::getText).orElse("(no label)");
            String errors = field.findElements(By.cssSelector(".fjs-form-field-error")).stream()
                    .map(WebElement::getText).collect(Collectors.joining(" "));
            return label.replaceAll("\\s*\\*\\s*$", "").trim() + ": " + errors.replaceAll("\\s+", " ").trim(); // no required marker
        }).toList();
    }

    /** The form-js element of a form component (input, textarea...), by its component id such as Field_reviewNotes. */
    WebElement field(String componentId) {
        return browser.await("form field " + componentId,
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.fjs-form [id$='-" + componentId + "']")));
    }

    /**
     * Waits until a field shows a text containing this (e.g. a disabled field whose value the server supplies, such as
     * the approval brief) and returns the whole text it shows.
     */
    String awaitShownText(String componentId, String expected) {
        WebElement shown = field(componentId);
        try {
            browser.await(componentId + " to show a text containing '" + expected + "'",
                    d -> String.valueOf(shown.getAttribute("value")).contains(expected));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; it shows: '" + shown.getAttribute("value") + "'", e);
        }
        return shown.getAttribute("value");
    }

    Tasklist tick(String componentId) {
        WebElement box = field(componentId);
        if (!box.isSelected()) {
            script("arguments[0].scrollIntoView({block: 'center'});", box);
            box.click();
        }
        browser.await(componentId + " to be ticked", ExpectedConditions.elementToBeSelected(box));
        return this;
    }

    Tasklist type(String componentId, String text) {
        WebElement typed = browser.await(componentId + " to hold the typed text", d -> {
            try {
                WebElement input = field(componentId); // a form rendered again has new elements
                if (text.equals(input.getAttribute("value"))) {
                    return input;
                }
                // empty, or what a rendering of the form left while the text went in: type it afresh
                input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
                input.sendKeys(text);
                return text.equals(input.getAttribute("value")) ? input : null;
            } catch (org.openqa.selenium.StaleElementReferenceException renderedAgain) {
                return null;
            }
        });
        // form-js takes a typed value into the form's data after a debounce, or at once when the field loses focus: leave
        // the field, or a Complete clicked within the debounce validates and submits the form without it
        script("arguments[0].blur();", typed);
        return this;
    }

    /** Chooses the radio option of a radio group by its visible label (e.g. "Approve"). */
    Tasklist choose(String componentId, String optionLabel) {
        By label = By.xpath("//form[contains(@class,'fjs-form')]//label[contains(@for,'-" + componentId + "-')"
                + " and normalize-space(.)='" + optionLabel + "']");
        String inputId = browser.await("option '" + optionLabel + "' of " + componentId,
                ExpectedConditions.visibilityOfElementLocated(label)).getAttribute("for");
        WebElement radio = driver.findElement(By.id(inputId));
        // long forms (the approval brief's tables) put the decision low: bring it above the Tasklist's fixed footer
        script("arguments[0].scrollIntoView({block: 'center'});", radio);
        radio.click();
        browser.await("option '" + optionLabel + "' of " + componentId + " to be chosen", ExpectedConditions.elementToBeSelected(radio));
        return this;
    }

    /** Picks an option of a form-js select by its visible label. */
    Tasklist select(String componentId, String optionLabel) {
        if (!driver.findElements(By.cssSelector("form.fjs-form input.fjs-input[id$='-" + componentId + "']")).isEmpty()) {
            return searchAndSelect(componentId, optionLabel);
        }
        WebElement display = field(componentId + "-display");
        WebElement select = display.findElement(By.xpath("./ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')][1]"));
        By option = By.xpath(".//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='" + optionLabel + "']");
        // focus alone opens the list (e.g. when the date field before was left with Tab), and a click toggles it: open it
        // by a click only while it is closed, and look again at the next poll
        browser.await("option '" + optionLabel + "' of " + componentId, d -> {
            Optional<WebElement> shown = select.findElements(option).stream().filter(WebElement::isDisplayed).findFirst();
            if (shown.isEmpty() && select.findElements(By.cssSelector(".fjs-dropdownlist")).stream().noneMatch(WebElement::isDisplayed)) {
                display.click();
            }
            return shown.orElse(null);
        }).click();
        browser.await(componentId + " to show '" + optionLabel + "'", ExpectedConditions.textToBePresentInElement(display, optionLabel));
        return this;
    }

    /** A searchable select: types the label into its search input, as a person would, and picks the option. */
    private Tasklist searchAndSelect(String componentId, String optionLabel) {
        WebElement input = field(componentId);
        WebElement select = input.findElement(By.xpath("./ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')][1]"));
        input.click();
        input.sendKeys(optionLabel);
        By option = By.xpath(".//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='" + optionLabel + "']");
        browser.await("option '" + optionLabel + "' of " + componentId,
                d -> select.findElements(option).stream().filter(WebElement::isDisplayed).findFirst().orElse(null)).click();
        browser.await(componentId + " to show '" + optionLabel + "'", d -> optionLabel.equals(input.getAttribute("value")));
        return this;
    }

    /** Types a date into a form-js date field as a person would (mm/dd/yyyy), then leaves the field. */
    Tasklist date(String componentId, LocalDate date) {
        WebElement input = field(componentId + "-date");
        String typed = date.format(DateTimeFormatter.ofPattern("MM/dd/yyyy"));
        input.click();
        input.sendKeys(typed);
        input.sendKeys(Keys.TAB);
        String shown = date.format(DateTimeFormatter.ofPattern("M/d/yyyy")); // how form-js shows it back
        browser.await(componentId + " to hold " + shown, d -> List.of(typed, shown).contains(input.getAttribute("value")));
        return this;
    }

    /** Clicks Start in the start dialog and waits until the dialog has closed; fails with the Tasklist's error if refused. */
    void submitStartForm() {
        failOnFieldErrors("before starting the process");
        By start = By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space(.)='Start']");
        browser.await("the Start button of the start dialog", ExpectedConditions.elementToBeClickable(start)).click();
        browser.await("the process to start and the dialog to close", ExpectedConditions.or(
                ExpectedConditions.invisibilityOfElementLocated(START_DIALOG),
                visible(By.cssSelector(".modal-dialog .alert-danger")),
                visible(FIELD_WITH_ERRORS),
                visibleError()));
        failOnError("starting the process");
        failOnFieldErrors("starting the process");
        driver.findElements(By.cssSelector(".modal-dialog .alert-danger")).stream().filter(WebElement::isDisplayed).findFirst()
                .ifPresent(e -> fail("[" + browser.label() + "] the start dialog showed an error: " + e.getText()));
    }

    /**
     * Clicks Complete and waits until the task has left the list; fails with the Tasklist's error if the engine refused,
     * or with the fields form-js marked invalid (the Tasklist disables Complete while a field shows an error).
     */
    void complete(String taskId) {
        failOnFieldErrors("before completing the task");
        browser.await("the Complete button to be enabled", ExpectedConditions.or(
                ExpectedConditions.elementToBeClickable(COMPLETE), visible(FIELD_WITH_ERRORS)));
        failOnFieldErrors("before completing the task");
        WebElement complete = driver.findElement(COMPLETE);
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", complete);
        complete.click();
        browser.await("the task to be completed and leave the task list", ExpectedConditions.or(
                ExpectedConditions.invisibilityOfElementLocated(taskLink(taskId)),
                visible(FIELD_WITH_ERRORS),
                visibleError()));
        failOnError("completing the task");
        failOnFieldErrors("completing the task");
    }

    /** Opens "Start process", picks the process by name and waits for its start form. */
    Tasklist startProcess(String processName) {
        browser.await("the Start process action", ExpectedConditions.elementToBeClickable(START_PROCESS)).click();
        By process = By.xpath("//div[contains(@class,'modal-dialog')]//ul[contains(@class,'processes')]//a[normalize-space(.)='"
                + processName + "']");
        browser.await("process '" + processName + "' in the Start process dialog", ExpectedConditions.elementToBeClickable(process)).click();
        browser.await("the start form of '" + processName + "'", ExpectedConditions.or(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-dialog form.fjs-form")),
                visible(By.cssSelector(".modal-dialog .alert-danger")),
                visibleError()));
        failOnError("opening the start form of '" + processName + "'");
        List<WebElement> dialogErrors = driver.findElements(By.cssSelector(".modal-dialog .alert-danger")).stream()
                .filter(WebElement::isDisplayed).toList();
        if (!dialogErrors.isEmpty()) {
            fail("[" + browser.label() + "] the start form of '" + processName + "' failed: " + dialogErrors.get(0).getText());
        }
        return this;
    }

    /** The rendered form: in the start dialog if it is open, else the open task's. */
    WebElement form() {
        return browser.await("a rendered form", ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.fjs-form")));
    }

    /** Closes whatever dialog is open (Escape), e.g. the start dialog after checking its form. */
    void pressEscape() {
        driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    }

    Browser browser() {
        return browser;
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    private static By taskLink(String taskId) {
        return By.cssSelector(".tasks-list li.task a[href$='task=" + taskId + "']");
    }

    private void failOnError(String doing) {
        List<String> errors = driver.findElements(ERROR_NOTIFICATION).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).toList();
        if (!errors.isEmpty()) {
            fail("[" + browser.label() + "] the Tasklist showed an error while " + doing + ": " + String.join(" | ", errors));
        }
    }

    private void failOnFieldErrors(String doing) {
        List<String> errors = fieldErrors();
        if (!errors.isEmpty()) {
            fail("[" + browser.label() + "] the form showed field errors " + doing + ": " + String.join(" | ", errors));
        }
    }

    private void failOnFormFailure(String what) {
        driver.findElements(FORM_FAILURE).stream().filter(WebElement::isDisplayed).findFirst()
                .ifPresent(e -> fail("[" + browser.label() + "] the form of " + what + " failed to render: " + e.getText()));
    }

    private static ExpectedCondition<Boolean> visibleError() {
        return visible(ERROR_NOTIFICATION);
    }

    /** True when any (not just the first) element matching the locator is displayed. */
    private static ExpectedCondition<Boolean> visible(By locator) {
        return d -> d.findElements(locator).stream().anyMatch(WebElement::isDisplayed);
    }
}
