package org.relocation.policy.engine;

import org.junit.jupiter.api.Test;
import org.relocation.policy.PolicyService;
import org.relocation.processes.model.ModelProblem;
import org.relocation.processes.model.Severity;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule {@code dmn-contract} on its own (the deployments through the engine REST API are in DeploymentValidationTest):
 * what the rule allows a process owner (rates, an extra output as a warning) and what it refuses (hit policy, types).
 */
class DecisionContractRuleTest {

    private static final String ALLOWANCES = PolicyService.ALLOWANCES + ".dmn";
    private final DecisionContractRule rule = new DecisionContractRule();

    @Test
    void theShippedTablesAndChangedRatesKeepTheContract() throws IOException {
        for (String decision : PolicyService.CONTRACT.keySet()) {
            assertThat(rule.problems(decision + ".dmn", shipped(decision + ".dmn").getBytes(StandardCharsets.UTF_8))).as(decision).isEmpty();
        }
        String changed = shipped(ALLOWANCES).replace("<text>8000</text>", "<text>8100</text>");
        assertThat(changed).isNotEqualTo(shipped(ALLOWANCES));
        assertThat(problems(changed)).isEmpty();
    }

    @Test
    void anotherHitPolicyIsAnError() throws IOException {
        assertThat(problems(shipped(ALLOWANCES).replace("hitPolicy=\"FIRST\"", "hitPolicy=\"UNIQUE\""))).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.elementId()).isEqualTo("relocation-allowances-table");
            assertThat(p.message()).contains("UNIQUE").contains("FIRST");
            assertThat(p.line()).isPositive();
        });
    }

    @Test
    void anOutputNoWorkerReadsIsAWarning() throws IOException {
        String extra = shipped(ALLOWANCES).replace("<output id=\"output-cola-percent\"",
                "<output id=\"output-gym-allowance\" label=\"Gym\" name=\"gymAllowance\" typeRef=\"double\" />\n      <output id=\"output-cola-percent\"");
        assertThat(problems(extra)).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.elementId()).isEqualTo("output-gym-allowance");
            assertThat(p.rule()).isEqualTo(DecisionContractRule.DMN_CONTRACT);
        });
    }

    @Test
    void anInputWithAnotherTypeIsAnErrorAndABpmnFileIsNotItsConcern() throws IOException {
        String changed = shipped(ALLOWANCES).replace("id=\"input-duration-months-expression\" typeRef=\"integer\"",
                "id=\"input-duration-months-expression\" typeRef=\"double\"");
        assertThat(problems(changed)).singleElement().satisfies(p -> assertThat(p.elementId()).isEqualTo("input-duration-months"));
        assertThat(rule.problems("relocation.bpmn", shipped("relocation.bpmn").getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(rule.problems(ALLOWANCES, "<definitions".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    private List<ModelProblem> problems(String dmn) {
        return rule.problems(ALLOWANCES, dmn.getBytes(StandardCharsets.UTF_8));
    }

    private static String shipped(String file) throws IOException {
        try (InputStream in = new ClassPathResource("processes/" + file).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
