package org.relocation.policy;

import java.util.List;
import java.util.Map;

/**
 * The port to the deployed policy decision tables (DMN in {@code processes/}). The server evaluates them in its
 * embedded engine; standalone workers through the engine's REST API.
 */
public interface PolicyRules {

    /**
     * Evaluates a decision table.
     *
     * @param decisionKey        the decision id in the DMN file, e.g. {@code relocation-allowances}
     * @param pinnedDefinitionId the deployed version to use (the one a case was first evaluated with), or null for the
     *                           latest deployed version
     * @param inputs             the input variables, by the exact names the table reads
     */
    Evaluation evaluate(String decisionKey, String pinnedDefinitionId, Map<String, Object> inputs);

    /** What a decision table answered, and which deployed version answered it. Rows in rule order. */
    record Evaluation(String definitionId, String decisionName, int version, List<Map<String, Object>> rows) {

        public Evaluation {
            rows = List.copyOf(rows);
        }
    }
}
