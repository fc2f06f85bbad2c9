package org.relocation.browser;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One headless Debian Chromium, driven by Debian's chromedriver, with a fresh profile. Nothing is
 * downloaded: the driver and browser paths are given, so Selenium Manager never runs.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("browser.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("browser.chromedriver", "/usr/bin/chromedriver");
    static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("browser.timeout-seconds", 30));

    private final String label;
    private final Path profile;
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private Browser(String label, Path profile, ChromeDriver driver) {
        this.label = label;
        this.profile = profile;
        this.driver = driver;
        this.wait = new WebDriverWait(driver, TIMEOUT);
        this.wait.ignoring(StaleElementReferenceException.class); // Angular re-renders lists while we look
    }

    /** Starts a browser; {@code label} names it in failure messages and screenshots (e.g. the user it logs in). */
    static Browser start(String label) {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        Path profile;
        try {
            profile = Files.createTempDirectory("browser-it-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,2000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        try {
            return new Browser(label, profile, new ChromeDriver(service, options));
        } catch (RuntimeException e) {
            deleteQuietly(profile);
            throw e;
        }
    }

    WebDriver driver() {
        return driver;
    }

    String label() {
        return label;
    }

    /** Waits for a condition; on timeout, says what we were waiting for, where, and as whom. */
    <T> T await(String what, ExpectedCondition<T> condition) {
        try {
            return wait.until(condition);
        } catch (TimeoutException e) {
            throw new AssertionError("[" + label + "] timed out after " + TIMEOUT.toSeconds() + "s waiting for " + what
                    + " (page " + driver.getCurrentUrl() + ")", e);
        }
    }

    /** Saves a screenshot and the page's DOM as {@code <dir>/<name>-<label>.png/.html}; never throws. */
    void saveEvidence(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            String base = (name + "-" + label).replaceAll("[^A-Za-z0-9._-]", "_");
            Files.write(dir.resolve(base + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve(base + ".html"), "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource());
            System.err.println("Browser evidence saved: " + dir.resolve(base + ".png").toAbsolutePath());
        } catch (Exception e) {
            System.err.println("Could not save browser evidence for " + label + ": " + e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temp profile is harmless
        }
    }
}
