package org.relocation.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case workspace (/cases/) with the Tasklist's login: a specialist finds a case by its number and reads it on one
 * page, with links into the Tasklist; a manager finds only the case they are line manager of; a specialist opens a new
 * case with a dependant and is shown its number. The specialist's view is saved as docs/screenshots/case-workspace.png.
 */
class CaseWorkspaceBrowserIT extends BrowserTestSupport {

    /** Where the documentation's screenshot goes (the server module runs with its own folder as working directory). */
    private static final Path SCREENSHOT = Path.of(System.getProperty("docs.screenshots", "../docs/screenshots"), "case-workspace.png");

    @Test
    void aSpecialistFindsACaseByNumberAndReadsIt() throws IOException {
        long id = api.open("specialist", CaseApi.longTermIntake("Wanda Workspace"));
        String number = api.get("specialist", id).path("caseNumber").asText();
        api.awaitOpenTask("specialist", id, "review-intake");

        Browser browser = openPage("specialist");
        WebDriver page = browser.driver();
        browser.await("the case list", ExpectedConditions.visibilityOfElementLocated(By.id("q")));
        page.findElement(By.id("q")).sendKeys(number);
        page.findElement(By.cssSelector("#search button[type=submit]")).click();

        browser.await("the case " + number, ExpectedConditions.textToBe(By.id("case-number"), number));
        assertThat(page.findElement(By.id("case-number")).isDisplayed()).isTrue();
        assertThat(page.getCurrentUrl()).endsWith("/cases/#" + number);
        String header = page.findElement(By.cssSelector(".case-header")).getText();
        assertThat(header).contains("Wanda Workspace").contains("GB London → DE Berlin").contains("long term").contains("Manager");
        WebElement task = browser.await("the open task's link", ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#open-tasks a.task-link")));
        assertThat(task.getAttribute("href")).contains("/operaton/app/tasklist/default/#/?task=");
        assertThat(page.findElement(By.id("steps")).getText()).contains("Case opened");
        assertThat(page.findElement(By.id("traveller-list")).getText()).contains("Wanda Workspace");
        assertThat(page.findElements(By.id("decision-log"))).as("the specialist reads the decision log").isNotEmpty();

        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, ((org.openqa.selenium.TakesScreenshot) page).getScreenshotAs(OutputType.BYTES));

        // a form's link to a section (/cases/#<number>/documents) opens the case there
        page.get(baseUrl() + "/cases/#" + number + "/documents");
        browser.await("the documents section focused", d -> "documents-title".equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.activeElement && document.activeElement.id")) ? true : null);
        assertThat(page.findElement(By.id("case-number")).getText()).isEqualTo(number);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.relocation.relocationcase.CaseService cases;
    @org.springframework.beans.factory.annotation.Autowired
    org.relocation.policy.PolicyService policy;
    @org.springframework.beans.factory.annotation.Autowired
    org.relocation.estimate.CostEstimator estimator;
    @org.springframework.beans.factory.annotation.Autowired
    org.relocation.ledger.PaymentLedger ledger;
    @org.springframework.beans.factory.annotation.Autowired
    org.relocation.vendor.ServiceOrderRepository serviceOrders;

    /**
     * The specialist opens a case at its payments (/cases/#<number>/payments): the totals against the approved estimate
     * and each payment with its status; the employee sees their own payments without budget or variance.
     */
    @Test
    void theSpecialistReadsTheCasePaymentsAgainstItsBudgetAndTheEmployeeTheirOwn() {
        Map<String, Object> intake = CaseApi.longTermIntake("Pia Payments");
        intake.put("employeeUserId", "employee2");
        org.relocation.relocationcase.RelocationCase c = cases.register(org.relocation.platform.engine.IntakeForm.toIntake(intake), "specialist");
        assertThat(policy.apply(c.getId()).eligible()).isTrue();
        estimator.estimate(c.getId(), "intake", "specialist");
        estimator.approveLatest(c.getId());
        long paid = api.recordPayment("specialist", c.getId(), Map.of("category", "travel", "amount", "500.00", "currency", "EUR",
                "dueDate", "2026-11-15", "taxable", false, "description", "Look-and-see flights"));
        api.recordPayment("specialist", c.getId(), Map.of("category", "other", "amount", "250.00", "currency", "EUR",
                "dueDate", "2027-04-10", "taxable", false, "description", "Language course"));
        api.movePayment("finance", c.getId(), paid, "approve", Map.of());
        api.movePayment("finance", c.getId(), paid, "paid", Map.of("paidOn", "2026-12-02"));
        ledger.recordRecovery(c.getId(), new org.relocation.ledger.PaymentLedger.Recovery("TAX-SETTLEMENT-B" + c.getId(), "tax",
                new java.math.BigDecimal("120.00"), "EUR", java.time.LocalDate.of(2027, 5, 3), "Tax equalisation settlement 2026"), "finance");

        Browser browser = openPage("specialist");
        WebDriver page = browser.driver();
        page.get(baseUrl() + "/cases/#" + c.getCaseNumber() + "/payments");
        browser.await("the payments of " + c.getCaseNumber(), ExpectedConditions.visibilityOfElementLocated(By.id("payment-list")));
        String totals = page.findElement(By.id("payment-totals")).getText();
        assertThat(totals).contains("Budget (approved estimate)", "Committed (planned and approved)", "Actual (paid)", "Variance")
                .contains("500.00").contains("130.00"); // committed: 250.00 planned - the 120.00 recovery
        assertThat(page.findElement(By.id("payment-variance")).getText()).contains("% of the budget is left");
        String rows = page.findElement(By.id("payment-list")).getText();
        assertThat(rows).contains("Look-and-see flights", "paid", "Language course", "planned", "accounts payable");
        assertThat(rows).as("a recovery, with its minus sign").contains("recovery: owed by the employee", "payroll deduction", "\u2212");
        assertThat(page.findElement(By.id("payment-recoveries")).getText()).contains("count negative");

        Browser employee = openPage("employee2");
        employee.driver().get(baseUrl() + "/cases/#" + c.getCaseNumber() + "/payments");
        employee.await("the employee's payments", ExpectedConditions.visibilityOfElementLocated(By.id("payment-list")));
        assertThat(employee.driver().findElement(By.id("payment-list")).getText()).contains("Look-and-see flights", "Language course",
                "recovery: owed by the employee");
        assertThat(employee.driver().findElement(By.id("payment-totals")).getText()).as("no budget or variance for the employee")
                .contains("Actual (paid)").doesNotContain("Budget").doesNotContain("Variance");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.relocation.benefits.BenefitsService benefits;

    /**
     * The case page's benefits section (/cases/#<number>/benefits): the employee's choice (who, when, their plan and
     * pension) and each traveller's enrolment with the plan chosen for them, as the employee chose per dependant.
     */
    @Test
    void theSpecialistReadsEachTravellersBenefitsPlanAsTheEmployeeChoseIt() {
        Map<String, Object> intake = CaseApi.withDependants(CaseApi.longTermIntake("Bea Benefits"),
                new String[] {"PARTNER", "Pat Partner", "1990-05-01"}, new String[] {"CHILD", "Kim Child", "2016-09-01"});
        org.relocation.relocationcase.RelocationCase c = cases.register(org.relocation.platform.engine.IntakeForm.toIntake(intake), "specialist");
        assertThat(policy.apply(c.getId()).eligible()).isTrue();
        benefits.determine(c.getId());
        java.util.List<org.relocation.benefits.BenefitsService.DependantPlan> dependants = benefits.dependantPlans(c.getId());
        assertThat(dependants).extracting(org.relocation.benefits.BenefitsService.DependantPlan::who).containsExactly("Partner",
                "Child, " + java.time.temporal.ChronoUnit.YEARS.between(java.time.LocalDate.of(2016, 9, 1), c.getStartDate()) + " years");
        benefits.enrolled(c.getId(), org.relocation.benefits.HealthPlan.HOST_NATIONAL, org.relocation.benefits.PensionContinuation.of("home"),
                java.util.List.of(new org.relocation.benefits.BenefitsService.DependantChoice(dependants.get(0).travellerId(), "international"),
                        new org.relocation.benefits.BenefitsService.DependantChoice(dependants.get(1).travellerId(), "not-enrolled")), "employee");

        Browser browser = openPage("specialist");
        WebDriver page = browser.driver();
        page.get(baseUrl() + "/cases/#" + c.getCaseNumber() + "/benefits");
        browser.await("the benefits of " + c.getCaseNumber(), ExpectedConditions.visibilityOfElementLocated(By.id("benefits-travellers")));
        assertThat(page.findElement(By.id("benefits-choice")).getText()).contains("Chosen by employee", "Host-country national plan for the employee",
                "pension continued at home");
        java.util.List<String> rows = page.findElements(By.cssSelector("#benefits-travellers tbody tr")).stream().map(WebElement::getText).toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).contains("employee", "Bea Benefits", "Host-country national plan", "ordered");
        assertThat(rows.get(1)).contains("partner", "Pat Partner", "International plan", "ordered");
        assertThat(rows.get(2)).contains("child", "Kim Child", "not enrolled");
    }

    /**
     * The specialist records presence days through the case page's form (/cases/#<number>/presence-days): a range whose
     * end is before its start shows the API's sentence next to "To" and writes nothing; the corrected range is recorded,
     * the count shown is the API's, and the threshold key dates (the case is a long-term assignment GB → DE) are shown.
     */
    @Test
    void aSpecialistRecordsPresenceDaysThroughTheFormAndSeesTheCount() {
        long id = api.open("specialist", CaseApi.longTermIntake("Petra Presence"));
        String number = api.get("specialist", id).path("caseNumber").asText();
        int year = java.time.LocalDate.now().getYear() - 1;
        java.time.LocalDate from = java.time.LocalDate.of(year, 3, 1);
        java.time.LocalDate to = java.time.LocalDate.of(year, 5, 30); // 91 days in DE

        Browser browser = openPage("specialist");
        WebDriver page = browser.driver();
        page.get(baseUrl() + "/cases/#" + number + "/presence-days");
        WebElement form = browser.await("the presence days form", ExpectedConditions.visibilityOfElementLocated(By.id("presence-form")));
        assertThat(page.findElement(By.id("presence-list")).getText()).contains("None.");
        new Select(form.findElement(By.name("country"))).selectByValue("DE");
        date(page, "from", to);
        date(page, "to", from);
        page.findElement(By.id("presence-record")).click();

        WebElement toError = browser.await("the API's refusal next to To", d -> {
            WebElement e = d.findElement(By.id("presence-error-to"));
            return e.getText().isBlank() ? null : e;
        });
        assertThat(toError.getText()).isEqualTo("To: must not be before from.");
        assertThat(page.findElement(By.name("to")).getAttribute("class")).contains("invalid");
        assertThat(page.findElement(By.id("presence-error-from")).getText()).isBlank();
        assertThat(presence("specialist", id, year).path("counts")).as("nothing written").isEmpty();

        date(page, "from", from);
        date(page, "to", to);
        page.findElement(By.id("presence-record")).click();
        WebElement recorded = browser.await("the recording", ExpectedConditions.visibilityOfElementLocated(By.id("presence-recorded")));
        assertThat(recorded.getText()).isEqualTo("91 new day(s) recorded in DE.");
        WebElement row = page.findElement(By.cssSelector("#presence-list tr[data-country='DE']"));
        JsonNode count = presence("specialist", id, year).path("counts").get(0);
        assertThat(count.path("days").asInt()).as("recorded by the API").isEqualTo(91);
        assertThat(count.path("country").asText()).isEqualTo("DE");
        assertThat(row.findElement(By.cssSelector(".presence-count")).getText()).isEqualTo("91");
        assertThat(row.getText()).contains("Petra Presence", "183", "below", String.valueOf(year));
        assertThat(row.findElement(By.cssSelector(".presence-warnings")).getText()).as("the threshold key dates at the current pace")
                .contains("150 days: ").contains("170 days: ").contains("183 days: ");
        assertThat(page.findElement(By.id("presence-error-to")).getText()).as("the earlier refusal cleared").isBlank();
        assertThat(page.findElement(By.id("presence-year")).getAttribute("value")).isEqualTo(String.valueOf(year));
    }

    /**
     * The case's employee confirms and rates a delivered service on the case page: without a date the API's refusal is
     * shown next to the form and nothing is written; then the delivery is recorded (the API has it) and shown instead of
     * the form.
     */
    @Test
    void theEmployeeConfirmsAndRatesADeliveredService() {
        org.relocation.relocationcase.RelocationCase c = org.relocation.TestCases.recordOnly(cases);
        String ordered = java.time.Instant.now().minus(java.time.Duration.ofDays(5)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        org.relocation.vendor.ServiceOrder housing = org.relocation.vendor.VendorOrders.answered(serviceOrders,
                org.relocation.vendor.VendorOrders.sent(serviceOrders, c.getId(), org.relocation.vendor.ServiceType.TEMPORARY_HOUSING, null, ordered),
                org.relocation.vendor.ServiceOrder.Status.CONFIRMED, java.time.Instant.parse(ordered).plusSeconds(3600).toString(), null, null);

        Browser browser = openPage("employee");
        WebDriver page = browser.driver();
        page.get(baseUrl() + "/cases/#" + c.getCaseNumber() + "/service-orders");
        By row = By.cssSelector("#service-orders tr[data-reference='" + housing.getReference() + "']");
        WebElement form = browser.await("the delivery form", ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#service-orders tr[data-reference='" + housing.getReference() + "'] form.delivery-form")));
        new Select(form.findElement(By.name("rating"))).selectByValue("4");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement problem = browser.await("the API's refusal", d -> {
            WebElement e = d.findElement(row).findElement(By.cssSelector(".delivery-error"));
            return e.getText().isBlank() ? null : e;
        });
        assertThat(problem.getText()).startsWith("Delivered on");
        assertThat(deliveryOf("employee", c.getId(), housing.getReference()).isMissingNode()).as("nothing written").isTrue();

        java.time.LocalDate yesterday = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1);
        WebElement on = page.findElement(row).findElement(By.name("deliveredOn"));
        ((org.openqa.selenium.JavascriptExecutor) page).executeScript("arguments[0].value = arguments[1]", on, yesterday.toString());
        page.findElement(row).findElement(By.name("comment")).sendKeys("Clean flat, quick keys");
        page.findElement(row).findElement(By.cssSelector("button[type=submit]")).click();
        WebElement shown = browser.await("the recorded delivery", d -> {
            java.util.List<WebElement> e = d.findElements(By.cssSelector("#service-orders tr[data-reference='" + housing.getReference() + "'] .delivered"));
            return e.isEmpty() ? null : e.get(0);
        });
        assertThat(shown.getText()).startsWith("4/5, delivered ").contains("Clean flat, quick keys");
        JsonNode delivery = deliveryOf("employee", c.getId(), housing.getReference());
        assertThat(delivery.path("rating").asInt()).as("recorded by the API").isEqualTo(4);
        assertThat(delivery.path("deliveredOn").asText()).isEqualTo(yesterday.toString());
    }

    private JsonNode deliveryOf(String user, long caseId, String reference) {
        for (JsonNode o : org.relocation.Api.as(port, user).get("/api/cases/" + caseId).getBody().path("serviceOrders")) {
            if (o.path("reference").asText().equals(reference)) {
                return o.path("delivery");
            }
        }
        throw new AssertionError("no order " + reference);
    }

    private JsonNode presence(String user, long caseId, int year) {
        return org.relocation.Api.as(port, user).get("/api/cases/" + caseId + "/presence-days?taxYear=" + year).getBody();
    }

    @Test
    void aManagerFindsOnlyTheCaseTheyAreLineManagerOf() {
        long mine = api.open("specialist", CaseApi.longTermIntake("Mona Mine"));
        Map<String, Object> other = CaseApi.longTermIntake("Otto Other");
        other.put("lineManagerUserId", "manager2");
        other.put("employeeUserId", "employee2");
        long theirs = api.open("specialist", other);
        String mineNumber = api.get("specialist", mine).path("caseNumber").asText();
        String theirNumber = api.get("specialist", theirs).path("caseNumber").asText();

        Browser browser = openPage("manager");
        WebDriver page = browser.driver();
        browser.await("the manager's cases", ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//table[@id='cases']//a[text()='" + mineNumber + "']")));
        assertThat(page.findElement(By.id("cases")).getText()).doesNotContain(theirNumber);
        assertThat(page.findElement(By.id("new-case-link")).isDisplayed()).as("managers do not open cases").isFalse();

        page.get(baseUrl() + "/cases/#" + theirNumber);
        WebElement notFound = browser.await("not found", ExpectedConditions.visibilityOfElementLocated(By.id("not-found")));
        assertThat(notFound.getText()).contains(theirNumber);
        page.get(baseUrl() + "/cases/#" + mineNumber);
        browser.await("the manager's case", ExpectedConditions.textToBe(By.id("case-number"), mineNumber));
        assertThat(page.findElements(By.id("documents"))).as("no personal documents for a manager").isEmpty();
        assertThat(page.findElements(By.id("presence-days"))).as("managers do not record presence days (403)").isEmpty();
    }

    @Test
    void aSpecialistOpensANewCaseWithADependant() {
        Browser browser = openPage("specialist");
        WebDriver page = browser.driver();
        browser.await("the list", ExpectedConditions.visibilityOfElementLocated(By.id("new-case-link"))).click();
        WebElement form = browser.await("the new case form", ExpectedConditions.visibilityOfElementLocated(By.id("new-case")));
        Map<String, String> fields = Map.ofEntries(Map.entry("employeeName", "Nina New"), Map.entry("employeeEmail", "employee@example.com"),
                Map.entry("employeeUserId", "employee"), Map.entry("homeCity", "London"), Map.entry("hostCity", "Berlin"),
                Map.entry("costCentre", "CC-DE-100"), Map.entry("gradeLevel", "6"), Map.entry("budgetAmount", "60000"),
                Map.entry("baseSalaryAmount", "90000"), Map.entry("lineManagerUserId", "manager"));
        fields.forEach((name, value) -> form.findElement(By.name(name)).sendKeys(value));
        new Select(form.findElement(By.name("nationality"))).selectByValue("GB");
        new Select(form.findElement(By.name("homeCountry"))).selectByValue("GB");
        new Select(form.findElement(By.name("hostCountry"))).selectByValue("DE");
        date(page, "startDate", java.time.LocalDate.now().plusMonths(2).withDayOfMonth(1));
        date(page, "endDate", java.time.LocalDate.now().plusMonths(2).withDayOfMonth(1).plusYears(2));
        page.findElement(By.id("add-dependent")).click();
        new Select(form.findElement(By.name("dependents.0.relationship"))).selectByValue("PARTNER");
        form.findElement(By.name("dependents.0.fullName")).sendKeys("Paula Partner");
        new Select(form.findElement(By.name("dependents.0.nationality"))).selectByValue("GB");
        date(page, "dependents.0.birthDate", java.time.LocalDate.of(1990, 5, 17));
        page.findElement(By.id("open-case")).click();

        WebElement opened = browser.await("the new case's number", ExpectedConditions.visibilityOfElementLocated(By.id("opened")));
        assertThat(opened.getText()).matches("(?s)Case RC-\\d{4}-\\d+ opened\\..*");
        String number = opened.getText().replaceAll("(?s)^Case (\\S+) opened.*$", "$1");
        opened.findElement(By.tagName("a")).click();
        browser.await("the new case", ExpectedConditions.textToBe(By.id("case-number"), number));
        assertThat(page.findElement(By.id("traveller-list")).getText()).contains("Paula Partner").contains("partner");
    }

    @Test
    void aSpecialistReviewsDocumentsAndSubscribesToTheirCalendar() {
        org.relocation.Api specialist = org.relocation.Api.as(port, "specialist");
        JsonNode created = specialist.openCase(org.relocation.Api.intake("employee2", "IN", "GB", "DE", "LONG_TERM", "250000"));
        long id = created.path("id").asLong();
        String number = created.path("caseNumber").asText();
        specialist.completeTask(number, "review-intake", org.relocation.Api.vars("intakeVerified", true));
        specialist.approveAll(id, number);
        org.relocation.Api.as(port, "employee2").provideDocuments(id, number, "X3344556", "2033-01-31");

        Browser browser = openPage("specialist");
        WebDriver page = browser.driver();
        page.get(baseUrl() + "/cases/#" + number);
        browser.await("the case's documents", ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#document-list button.reject")));
        WebElement passport = documentRow(page, "passport copy");
        WebElement letter = documentRow(page, "assignment letter");

        // rejecting without a reason: the API's refusal beside the buttons, nothing changed
        passport.findElement(By.cssSelector("button.reject")).click();
        WebElement refusal = browser.await("the refusal beside the buttons", d -> {
            WebElement e = passport.findElement(By.cssSelector(".review-error"));
            return e.getText().isBlank() ? null : e;
        });
        assertThat(refusal.getText()).as("the API's sentence, once")
                .isEqualTo("A rejection needs a reason the employee will read; give one of at most 500 characters.");
        assertThat(passport.findElement(By.cssSelector(".document-status")).getText()).contains("provided");

        passport.findElement(By.cssSelector("input.reason")).sendKeys("The copy is unreadable");
        passport.findElement(By.cssSelector("button.reject")).click();
        browser.await("the passport copy rejected", ExpectedConditions.textToBePresentInElement(
                passport.findElement(By.cssSelector(".document-status")), "rejected – The copy is unreadable"));
        assertThat(passport.findElement(By.cssSelector(".review-error")).getText()).isBlank();
        letter.findElement(By.cssSelector("button.accept")).click();
        browser.await("the letter accepted", ExpectedConditions.textToBePresentInElement(
                letter.findElement(By.cssSelector(".document-status")), "validated"));
        long passportId = Long.parseLong(passport.getAttribute("data-document-id"));
        assertThat(CaseApi.stream(specialist.caseDetails(id).path("documents")).filter(d -> d.path("id").asLong() == passportId)
                .findFirst().orElseThrow().path("status").asText()).as("recorded by the API").isEqualTo("REJECTED");

        // dates in the reader's locale, never as ISO text
        String expiry = (String) ((org.openqa.selenium.JavascriptExecutor) page).executeScript(
                "return new Intl.DateTimeFormat(navigator.language, {dateStyle: 'medium', timeZone: 'UTC'}).format(new Date('2033-01-31T00:00:00Z'));");
        assertThat(page.findElement(By.id("traveller-list")).getText()).contains("expires " + expiry);
        assertThat(page.findElement(By.id("view-case")).getText()).doesNotContainPattern("\\b\\d{4}-\\d{2}-\\d{2}\\b");

        // the personal calendar feed: created, read by a calendar application without a login, revoked
        page.findElement(By.id("calendar-button")).click();
        WebElement panel = browser.await("the calendar panel", ExpectedConditions.visibilityOfElementLocated(By.id("calendar")));
        assertThat(panel.getText()).contains("Subscribe from web").contains("shown only now");
        page.findElement(By.id("calendar-create")).click();
        WebElement address = browser.await("the feed address", ExpectedConditions.visibilityOfElementLocated(By.id("calendar-url")));
        String url = address.getAttribute("value");
        assertThat(url).startsWith(baseUrl() + "/api/key-dates/feeds/").endsWith(".ics");
        org.springframework.http.ResponseEntity<String> feed = rest.getForEntity(url, String.class);
        assertThat(feed.getStatusCode().value()).as("a calendar application reads it without a login").isEqualTo(200);
        assertThat(feed.getBody()).contains("BEGIN:VCALENDAR");
        WebElement row = browser.await("the feed in the list", ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#calendar-feeds tr[data-feed-id]")));
        assertThat(row.getText()).contains("My cases").contains("not yet");
        row.findElement(By.cssSelector("button.revoke")).click();
        browser.await("the revocation", ExpectedConditions.visibilityOfElementLocated(By.id("calendar-revoked")));
        assertThat(rest.getForEntity(url, String.class).getStatusCode().value()).as("a revoked address").isEqualTo(404);
        assertThat(page.findElements(By.cssSelector("#calendar-feeds tr[data-feed-id]"))).isEmpty();
    }

    /** The documents table's row of a document type, by how the page names it (e.g. "passport copy"). */
    private static WebElement documentRow(WebDriver page, String type) {
        return page.findElements(By.cssSelector("#document-list tr[data-document-id]")).stream()
                .filter(r -> r.findElement(By.tagName("td")).getText().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no document row " + type));
    }

    /** Sets a date input's value as the browser's date picker would (typing depends on the browser's locale). */
    private static void date(WebDriver page, String name, java.time.LocalDate value) {
        ((org.openqa.selenium.JavascriptExecutor) page).executeScript(
                "const i = document.querySelector(`[name='${arguments[0]}']`); i.value = arguments[1]; i.dispatchEvent(new Event('change'));",
                name, value.toString());
    }

    /** Logs in to the Tasklist as this demo user, then opens the workspace in the same browser (the same session). */
    private Browser openPage(String user) {
        Browser browser = browsers.start(user);
        Tasklist.login(browser, baseUrl(), user, CaseApi.PASSWORD);
        browser.driver().get(baseUrl() + "/cases/");
        return browser;
    }
}
