package org.relocation.browser;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The browsers a test opened: on failure each one's screenshot and DOM go to
 * {@code target/browser-screenshots/}, and all are closed after every test.
 */
final class BrowserSessions implements AfterTestExecutionCallback, AfterEachCallback {

    static final Path EVIDENCE = Path.of(System.getProperty("browser.screenshots", "target/browser-screenshots"));

    private final List<Browser> open = new ArrayList<>();

    /** A fresh browser (new profile, no cookies), e.g. one per user who logs in. */
    Browser start(String label) {
        Browser browser = Browser.start(label);
        open.add(browser);
        return browser;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName()
                    + context.getDisplayName().replaceAll("^[^\\[]*", "");
            open.forEach(b -> b.saveEvidence(EVIDENCE, name));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        RuntimeException first = null;
        for (Browser b : open) {
            try {
                b.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        open.clear();
        if (first != null) {
            throw first;
        }
    }
}
