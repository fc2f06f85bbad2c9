package org.relocation.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Tasklist's texts are the webjar's, but for one: after "Start" it says where the new case is
 * ({@code PROCESS_START_OK}; the stock Tasklist cannot show the case number). Our copies of its locale files
 * (META-INF/resources/webjars/operaton/app/tasklist/locales/, served instead of the webjar's because the application's
 * classes come first on the class path) must otherwise equal the webjar's: after an Operaton upgrade this test says
 * which labels to copy again. The same holds for scripts/config.js.
 */
class TasklistLocaleOverrideTest {

    private static final String LOCALES = "META-INF/resources/webjars/operaton/app/tasklist/locales/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void ourCopyChangesOnlyTheStartMessage(String language) throws IOException {
        List<URL> found = Collections.list(getClass().getClassLoader().getResources(LOCALES + language + ".json"));
        assertThat(found).as("our copy first, then the webjar's").hasSize(2);
        assertThat(found.get(0).toString()).as("the served one is ours").doesNotContain(".jar!");
        assertThat(found.get(1).toString()).contains("operaton-webapp-webjar");
        ObjectNode ours = (ObjectNode) read(found.get(0));
        ObjectNode theirs = (ObjectNode) read(found.get(1));

        String message = ours.path("labels").path("PROCESS_START_OK").asText();
        assertThat(message).contains("/cases/").contains("Cases I opened or work on");
        ((ObjectNode) ours.get("labels")).remove("PROCESS_START_OK");
        ((ObjectNode) theirs.get("labels")).remove("PROCESS_START_OK");
        assertThat(ours).as("every other label and setting as the webjar has it").isEqualTo(theirs);
    }

    private static JsonNode read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return JSON.readTree(in);
        }
    }

    /**
     * Our scripts/config.js is the webjar's with two things added: a comment, and the custom scripts that show a
     * refused form's sentences next to its fields and let a form whose dynamic list was edited be completed
     * ({@code customScripts: ['scripts/field-errors', 'scripts/dynamic-lists']}).
     */
    @org.junit.jupiter.api.Test
    void ourConfigOnlyAddsTheCustomScripts() throws IOException {
        String config = "META-INF/resources/webjars/operaton/app/tasklist/scripts/config.js";
        List<URL> found = Collections.list(getClass().getClassLoader().getResources(config));
        assertThat(found).as("our copy first, then the webjar's").hasSize(2);
        assertThat(found.get(0).toString()).as("the served one is ours").doesNotContain(".jar!");
        String ours = text(found.get(0));
        String theirs = text(found.get(1));
        String scripts = "  customScripts: ['scripts/field-errors', 'scripts/dynamic-lists'],\n";
        assertThat(ours).contains(scripts);
        String added = ours.replaceAll("(?m)^// .*\\R", "").replace(scripts, "");
        assertThat(added).as("every other setting as the webjar has it").isEqualTo(theirs);
        for (String script : List.of("field-errors", "dynamic-lists")) {
            assertThat(getClass().getClassLoader().getResource("META-INF/resources/webjars/operaton/app/tasklist/scripts/" + script + ".js"))
                    .as("the script it names: %s", script).isNotNull();
        }
    }

    private static String text(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
