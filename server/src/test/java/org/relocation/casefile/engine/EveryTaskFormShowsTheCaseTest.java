package org.relocation.casefile.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, "forms with context": every user task's form (all of forms/ but the start form, which has no case yet)
 * opens with the case summary ({@code caseCard}, supplied at read time by {@link CaseCardContext}) and a link to the
 * case's page in the workspace; and no form sends the person to "the case API" (raw JSON) any more.
 */
class EveryTaskFormShowsTheCaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String START_FORM = "start-relocation";

    @Test
    void everyTaskFormBeginsWithTheCaseSummaryAndItsWorkspaceLink() throws IOException {
        Resource[] forms = new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form");
        assertThat(forms).as("the forms of forms/").hasSizeGreaterThan(10);
        List<String> missing = new ArrayList<>();
        for (Resource r : forms) {
            JsonNode form;
            try (InputStream in = r.getInputStream()) {
                form = JSON.readTree(in);
            }
            String id = form.path("id").asText();
            List<String> texts = new ArrayList<>();
            collectTexts(form.path("components"), texts);
            assertThat(String.join("\n", texts)).as("form %s sends nobody to the case API", id).doesNotContainIgnoringCase("case API");
            if (START_FORM.equals(id)) {
                continue;
            }
            String first = texts.isEmpty() ? "" : texts.get(0);
            if (!first.contains("{{caseCard.number}}") || !first.contains("{{caseCard.route}}")
                    || !first.contains("](/cases/#{{caseCard.number}}")) {
                missing.add(id);
            }
        }
        assertThat(missing).as("task forms whose first text is not the case summary with the workspace link").isEmpty();
    }

    private static void collectTexts(JsonNode components, List<String> texts) {
        for (JsonNode c : components) {
            if ("text".equals(c.path("type").asText())) {
                texts.add(c.path("text").asText());
            }
            collectTexts(c.path("components"), texts);
        }
    }
}
