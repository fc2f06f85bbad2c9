package org.relocation.modelchange.migration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.RepositoryService;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relocation.Api.vars;
import static org.relocation.modelchange.migration.PhaseMigrationTest.ok;
import static org.relocation.modelchange.migration.PhaseMigrationTest.texts;

/**
 * A new version changes the form of a task that running cases wait at (a new required field, one field renamed): the
 * waiting task keeps the form deployed with its version (completing it with that version's fields works, the new
 * version's field is refused as unknown), and a migration proposal reports how the task's form would change.
 */
@ServerTest
class RollingUpgradeFormsTest {

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repository;

    @Test
    void aTaskOfTheOlderVersionKeepsItsFormAndTheProposalShowsTheChange() {
        BenefitsVersions versions = new BenefitsVersions(port, repository);
        Api specialist = Api.as(port, "specialist");
        Api employee = Api.as(port, "employee");
        String v1 = versions.latest();
        try {
            JsonNode created = specialist.openCase(Api.intake("employee", "DE", "DE", "NL", "SHORT_TERM", "80000").put("endDate", "2027-12-31"));
            String caseNumber = created.get("caseNumber").asText();
            PhaseMigrationTest.reviewAndApprove(port, new PhaseMigrationTest.Case(created.get("id").asLong(), caseNumber));
            String task = employee.awaitTask(caseNumber, "confirm-benefits-enrolment");

            String form = BenefitsVersions.shipped("forms/confirm-benefits-enrolment.form");
            String changed = form.replace("\"key\": \"enrolmentConfirmed\"", "\"key\": \"enrolmentAcknowledged\"")
                    .replaceFirst("\"components\": \\[", java.util.regex.Matcher.quoteReplacement("""
                            "components": [
                                {"label": "My dependants are enrolled too", "type": "checkbox", "id": "Field_dependantsEnrolled",
                                 "key": "dependantsEnrolled", "validate": {"required": true}},""")); // the form's own list, not its dynamic list's
            assertThat(changed).contains("enrolmentAcknowledged", "dependantsEnrolled").doesNotContain("\"enrolmentConfirmed\"");
            String v2 = versions.deploy("Enrolment form asks for dependants", Map.of(
                    BenefitsVersions.FILE, BenefitsVersions.shipped("processes/" + BenefitsVersions.FILE),
                    "confirm-benefits-enrolment.form", changed,
                    "arrange-international-coverage.form", BenefitsVersions.shipped("forms/arrange-international-coverage.form")));

            JsonNode proposal = ok(Api.as(port, "owner").post("/api/model-changes/migrations/proposals",
                    Map.of("sourceDefinitionId", v1, "targetDefinitionId", v2)), 200);
            JsonNode group = null;
            for (JsonNode g : proposal.get("groups")) {
                if (texts(g.get("activityIds")).contains("confirm-benefits-enrolment")) {
                    group = g;
                }
            }
            assertThat(group).as("%s", proposal).isNotNull();
            assertThat(group.get("movable").asBoolean()).isTrue();
            assertThat(texts(group.get("caseNumbers"))).contains(caseNumber);
            assertThat(texts(group.get("formChanges"))).contains(
                    "confirm-benefits-enrolment: form confirm-benefits-enrolment: field dependantsEnrolled added (required)",
                    "confirm-benefits-enrolment: form confirm-benefits-enrolment: field enrolmentAcknowledged added (required)",
                    "confirm-benefits-enrolment: form confirm-benefits-enrolment: field enrolmentConfirmed removed");

            // the waiting task is still checked against the form of its own version
            ResponseEntity<JsonNode> newField = employee.complete(task, vars("healthPlan", "host-national", "pensionContinuation", "home",
                    "enrolmentAcknowledged", true, "dependantsEnrolled", true));
            assertThat(newField.getStatusCode().value()).as("%s", newField.getBody()).isEqualTo(400);
            assertThat(newField.getBody().toString()).contains("enrolmentAcknowledged");
            employee.completeTask(caseNumber, "confirm-benefits-enrolment",
                    vars("healthPlan", "host-national", "pensionContinuation", "home", "enrolmentConfirmed", true));
        } finally {
            versions.restoreShipped();
        }
    }
}
