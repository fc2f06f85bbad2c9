package org.relocation.policy.engine;

import org.operaton.bpm.dmn.engine.DmnDecisionResult;
import org.operaton.bpm.engine.DecisionService;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.repository.DecisionDefinition;
import org.relocation.platform.engine.SystemContext;
import org.relocation.policy.PolicyRules;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policy tables in the embedded engine: the latest deployed version of a decision, or the version a case is
 * pinned to, evaluated by id so the answer and the version reported belong together. Runs as the system.
 */
@Primary
@Component
class EnginePolicyRules implements PolicyRules {

    private final RepositoryService repository;
    private final DecisionService decisions;
    private final SystemContext system;

    EnginePolicyRules(RepositoryService repository, DecisionService decisions, SystemContext system) {
        this.repository = repository;
        this.decisions = decisions;
        this.system = system;
    }

    @Override
    public Evaluation evaluate(String decisionKey, String pinnedDefinitionId, Map<String, Object> inputs) {
        return system.call(() -> {
            DecisionDefinition d = pinnedDefinitionId != null
                    ? repository.createDecisionDefinitionQuery().decisionDefinitionId(pinnedDefinitionId).singleResult()
                    : repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey).withoutTenantId().latestVersion().singleResult();
            if (d == null) {
                throw new IllegalStateException("Decision " + decisionKey + (pinnedDefinitionId == null ? "" : " (" + pinnedDefinitionId + ")")
                        + " is not deployed: deploy processes/" + decisionKey + ".dmn");
            }
            DmnDecisionResult result = decisions.evaluateDecisionById(d.getId()).variables(new java.util.HashMap<>(inputs)).evaluate();
            List<Map<String, Object>> rows = new ArrayList<>();
            result.getResultList().forEach(r -> rows.add(new LinkedHashMap<>(r)));
            return new Evaluation(d.getId(), d.getName() == null ? decisionKey : d.getName(), d.getVersion(), rows);
        });
    }
}
