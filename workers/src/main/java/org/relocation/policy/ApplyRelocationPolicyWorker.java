package org.relocation.policy;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Topic apply-relocation-policy: eligibility, and for an eligible case the policy tier, package and allowances, from
 * the policy decision tables; each evaluation recorded on the case. Sets {@code eligible} and
 * {@code ineligibilityReason} (empty when eligible).
 */
@Component
class ApplyRelocationPolicyWorker extends CaseWorker {

    private final PolicyService policy;

    ApplyRelocationPolicyWorker(PolicyService policy) {
        this.policy = policy;
    }

    @Override
    public String topic() {
        return "apply-relocation-policy";
    }

    @Override
    public List<String> outputVariables() {
        return List.of("eligible", "ineligibilityReason");
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        PolicyService.Eligibility e = policy.apply(task.caseId());
        return Map.of("eligible", e.eligible(), "ineligibilityReason", e.eligible() || e.reason() == null ? "" : e.reason());
    }
}
