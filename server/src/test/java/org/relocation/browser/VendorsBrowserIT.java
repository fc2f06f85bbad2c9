package org.relocation.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.relocation.TestCases;
import org.relocation.relocationcase.CaseService;
import org.relocation.vendor.ServiceOrder;
import org.relocation.vendor.ServiceOrderRepository;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.Vendor;
import org.relocation.vendor.VendorOrders;
import org.relocation.vendor.VendorRate;
import org.relocation.vendor.VendorRegister;
import org.relocation.vendor.VendorTerms;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vendors page (/vendors/) as HR administration uses it, logged in through the Tasklist: vendor performance of a
 * period and service, worst first, the vendor that missed its SLAs marked as needing attention; the register filtered
 * to the same service and country, and a vendor deactivated after a confirmation. Administrators read performance
 * only; an employee gets the page's refusal.
 *
 * <p>Two movers in Luxembourg (a country no other test uses), orders of 2024: "late" missed both confirmation
 * deadlines (one answered a week after, one never), "prompt" confirmed its order in 2 hours and was rated 5.
 */
class VendorsBrowserIT extends BrowserTestSupport {

    @Autowired
    VendorRegister register;
    @Autowired
    ServiceOrderRepository orders;
    @Autowired
    CaseService cases;

    @Test
    void hrAdministrationSeesTheWorstVendorsFirstAndDeactivatesOne() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        Vendor late = register.register("late-" + run, terms("Late Movers " + run), "test");
        Vendor prompt = register.register("prompt-" + run, terms("Prompt Movers " + run), "test");
        long caseId = TestCases.recordOnly(cases).getId();
        ServiceType moving = ServiceType.HOUSEHOLD_SHIPMENT;
        VendorOrders.answered(orders, VendorOrders.sent(orders, caseId, moving, late, "2024-03-04T09:00:00Z"),
                ServiceOrder.Status.CONFIRMED, "2024-03-11T09:00:00Z", "1000.00", "EUR");
        VendorOrders.sent(orders, caseId, moving, late, "2024-05-06T09:00:00Z");
        VendorOrders.answered(orders, VendorOrders.sent(orders, caseId, moving, prompt, "2024-06-03T09:00:00Z"),
                ServiceOrder.Status.CONFIRMED, "2024-06-03T11:00:00Z", "1000.00", "EUR");

        Browser browser = openPage("hradmin");
        WebDriver page = browser.driver();
        browser.await("the performance of the last 12 months", ExpectedConditions.visibilityOfElementLocated(By.id("performance-period")));
        date(page, "from", "2024-01-01");
        date(page, "to", "2024-12-31");
        browser.await("the service choice", d -> d.findElements(By.cssSelector("#performance-service option[value='moving']")).isEmpty() ? null : true);
        page.findElement(By.cssSelector("#performance-service option[value='moving']")).click();
        page.findElement(By.cssSelector("#performance-filter button[type=submit]")).click();
        browser.await("the movers of 2024", ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#performance-rows tr[data-vendor='" + late.getCode() + "']")));

        List<WebElement> rows = page.findElements(By.cssSelector("#performance-rows tbody tr"));
        assertThat(rows).extracting(r -> r.getAttribute("data-vendor")).as("worst first").containsSubsequence(late.getCode(), prompt.getCode());
        WebElement worst = row(page, "performance-rows", late.getCode());
        assertThat(worst.getAttribute("class")).contains("worst");
        assertThat(worst.getText()).contains("Late Movers " + run, "needs attention");
        assertThat(worst.findElement(By.cssSelector("td.confirmed")).getText()).as("both confirmations late").startsWith("0 of 2");
        WebElement good = row(page, "performance-rows", prompt.getCode());
        assertThat(good.getAttribute("class")).doesNotContain("worst");
        assertThat(good.findElement(By.cssSelector("td.confirmed")).getText()).startsWith("1 of 1");
        assertThat(page.findElement(By.id("attention")).getText()).contains("need attention", "Late Movers " + run)
                .doesNotContain("Prompt Movers");
        assertThat(page.findElement(By.id("performance-period")).getText()).contains("2024");

        // a bad period is refused next to the form, the table stays
        date(page, "to", "2023-12-31");
        page.findElement(By.cssSelector("#performance-filter button[type=submit]")).click();
        WebElement refused = browser.await("the refusal of a period ending before it starts",
                ExpectedConditions.visibilityOfElementLocated(By.id("performance-error")));
        browser.await("the refusal's text", d -> refused.getText().isBlank() ? null : true);
        assertThat(refused.getText()).contains("must not be before from");
        assertThat(row(page, "performance-rows", late.getCode()).isDisplayed()).isTrue();

        // the register: the movers of Luxembourg; the prompt one deactivated after the confirmation
        page.findElement(By.id("register-country")).sendKeys("LU");
        page.findElement(By.cssSelector("#register-service option[value='moving']")).click();
        page.findElement(By.cssSelector("#register-filter button[type=submit]")).click();
        browser.await("the register of Luxembourg's movers", d -> d.findElements(By.cssSelector("#vendors tbody tr[data-vendor]")).size() == 2 ? true : null);
        WebElement registered = row(page, "vendors", prompt.getCode());
        assertThat(registered.getText()).contains("Prompt Movers " + run, "LU (whole country)", "EUR per order", "confirm 2", "active");
        ((JavascriptExecutor) page).executeScript("window.confirm = () => true;");
        registered.findElement(By.cssSelector("button.deactivate")).click();
        browser.await("the deactivated vendor gone from the active ones",
                d -> d.findElements(By.cssSelector("#vendors tbody tr[data-vendor='" + prompt.getCode() + "']")).isEmpty() ? true : null);
        assertThat(register.get(prompt.getId()).isActive()).isFalse();
        assertThat(register.get(late.getId()).isActive()).isTrue();
        page.findElement(By.id("register-inactive")).click();
        page.findElement(By.cssSelector("#register-filter button[type=submit]")).click();
        browser.await("the deactivated vendor listed as such", d -> d.findElements(By.cssSelector(
                "#vendors tbody tr.inactive[data-vendor='" + prompt.getCode() + "']")).isEmpty() ? null : true);
        assertThat(row(page, "vendors", prompt.getCode()).getText()).contains("deactivated", "by hradmin");
    }

    @Test
    void administratorsReadPerformanceOnlyAndEmployeesAreRefused() {
        Browser admin = openPage("admin");
        admin.await("the performance table", ExpectedConditions.visibilityOfElementLocated(By.id("performance-rows")));
        assertThat(admin.driver().findElement(By.id("register")).isDisplayed()).as("the register is HR administration's and finance's").isFalse();

        Browser employee = openPage("employee");
        WebElement refused = employee.await("the refusal", ExpectedConditions.visibilityOfElementLocated(By.id("forbidden")));
        assertThat(refused.getText()).contains("HR administration, finance and administrators");
        assertThat(employee.driver().findElement(By.id("app")).isDisplayed()).isFalse();
    }

    private static VendorTerms terms(String name) {
        return new VendorTerms(name, "moving", "LU", null, "EUR", List.of(new VendorTerms.Rate(VendorRate.Unit.ORDER, new BigDecimal("1000.00"))),
                4, 2, 10, "https://movers.example/orders", "secret-of-" + name.replace(' ', '-') + "-0123456789", true);
    }

    private static WebElement row(WebDriver page, String table, String vendor) {
        return page.findElement(By.cssSelector("#" + table + " tbody tr[data-vendor='" + vendor + "']"));
    }

    private static void date(WebDriver page, String id, String value) {
        ((JavascriptExecutor) page).executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    /** Logs in to the Tasklist as this demo user, then opens the vendors page in the same browser (the same session). */
    private Browser openPage(String user) {
        Browser browser = browsers.start(user);
        Tasklist.login(browser, baseUrl(), user, CaseApi.PASSWORD);
        browser.driver().get(baseUrl() + "/vendors/");
        return browser;
    }
}
