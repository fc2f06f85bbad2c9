package org.relocation.platform.deployment;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Rule comment on its own: which deployment names say why (the HTTP side is in DeploymentLogTest). */
class DeploymentCommentTest {

    private static final List<String> FILES = List.of("relocation-benefits.bpmn", "forms/confirm-benefits-enrolment.form");

    @Test
    void aNameOfTwoWordsAndTenCharactersSaysWhy() {
        assertThat(DeploymentComment.check("Legal review before visa filing", FILES)).isEmpty();
        assertThat(DeploymentComment.check("  Legal review  ", FILES)).isEmpty();
        assertThat(DeploymentComment.check("Allowances 2027: housing cap band C 3500", FILES)).isEmpty();
    }

    @Test
    void aMissingShortOneWordOrFileNameIsRefusedUnderTheDeploymentName() {
        for (String name : new String[]{null, "", "   ", "Fix it", "Housingcapchange", "relocation-benefits", "RELOCATION-BENEFITS.bpmn",
                "confirm-benefits-enrolment", "SpringAutoDeployment", "-- ++ ** //"}) {
            assertThat(DeploymentComment.check(name, FILES)).as(String.valueOf(name)).hasValueSatisfying(p -> {
                assertThat(p.file()).isEqualTo(ValidatingDeployer.DEPLOYMENT);
                assertThat(p.elementId()).isEqualTo("deployment-name");
                assertThat(p.rule()).isEqualTo("comment");
                assertThat(p.error()).isTrue();
            });
        }
    }

    @Test
    void theRouteFollowsSourceUserAndName() {
        assertThat(DeploymentRecorder.route("Why", DeploymentRecorder.PAGE_SOURCE, "owner")).isEqualTo(RecordedDeployment.Route.PAGE);
        assertThat(DeploymentRecorder.route("Why", "Camunda Modeler", "owner")).isEqualTo(RecordedDeployment.Route.ENGINE_REST);
        assertThat(DeploymentRecorder.route("SpringAutoDeployment", null, null)).isEqualTo(RecordedDeployment.Route.START_UP);
        assertThat(DeploymentRecorder.route("allowance rate change", null, null)).isEqualTo(RecordedDeployment.Route.API);
    }
}
