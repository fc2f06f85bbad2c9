package org.relocation.policy;

import org.junit.jupiter.api.Test;
import org.relocation.ServerTest;
import org.relocation.platform.worker.WorkerProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The standalone workers' policy tables over the REST API answer as the embedded engine does, as the worker user. */
@ServerTest
class RestPolicyRulesTest {

    @LocalServerPort
    int port;

    @Autowired
    PolicyRules engine;

    @Test
    void theRestApiEvaluatesTheSameVersionWithTheSameAnswers() {
        WorkerProperties workers = new WorkerProperties();
        workers.setEngineUrl("http://localhost:" + port + "/engine-rest");
        workers.setUsername("worker");
        workers.setPassword("demo");
        RestPolicyRules rest = new RestPolicyRules(workers);

        Map<String, Object> eligibility = new LinkedHashMap<>();
        eligibility.put("assignmentType", "LONG_TERM");
        eligibility.put("gradeLevel", 6);
        eligibility.put("durationMonths", 24);
        eligibility.put("international", true);
        PolicyRules.Evaluation overRest = rest.evaluate(PolicyService.ELIGIBILITY, null, eligibility);
        PolicyRules.Evaluation embedded = engine.evaluate(PolicyService.ELIGIBILITY, null, eligibility);
        assertThat(overRest.definitionId()).isEqualTo(embedded.definitionId());
        assertThat(overRest.version()).isEqualTo(embedded.version());
        assertThat(overRest.rows()).isEqualTo(embedded.rows());
        assertThat(overRest.rows().get(0).get("eligible")).isEqualTo(true);

        Map<String, Object> route = new LinkedHashMap<>();
        route.put("assignmentType", "PERMANENT_TRANSFER");
        route.put("estimateAmount", new BigDecimal("120000.00"));
        route.put("budgetAmount", new BigDecimal("60000.00"));
        route.put("exceptionCount", 1);
        route.put("exceptionAmount", new BigDecimal("80000.00"));
        PolicyRules.Evaluation routed = rest.evaluate(PolicyService.APPROVAL_ROUTING, null, route);
        assertThat(routed.rows()).extracting(r -> r.get("approval")).contains("manager", "finance", "hr-lead", "second-level");
        assertThat(rest.evaluate(PolicyService.ELIGIBILITY, embedded.definitionId(), eligibility).definitionId()).isEqualTo(embedded.definitionId());
    }
}
