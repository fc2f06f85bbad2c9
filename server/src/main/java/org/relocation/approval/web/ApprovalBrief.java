package org.relocation.approval.web;

import org.relocation.estimate.CostEstimate;
import org.relocation.estimate.CostEstimateLine;
import org.relocation.estimate.CostEstimator;
import org.relocation.policy.PolicyService;
import org.relocation.policyexception.PolicyException;
import org.relocation.policyexception.PolicyExceptionService;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.identity.CaseFields;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;

/**
 * What an approver reads in the approval form, built from the case records each time the task opens and never stored
 * with the task: the move, the policy tier, the latest estimate line by line against the budget, why this approval
 * is needed, and the policy exceptions asked (for the HR lead, the one to decide first).
 */
@Component
public class ApprovalBrief {

    /** The display-only form field that shows the brief. */
    public static final String FIELD = "approvalBrief";

    private final CaseService cases;
    private final CostEstimator estimator;
    private final PolicyService policy;
    private final PolicyExceptionService exceptions;

    ApprovalBrief(CaseService cases, CostEstimator estimator, PolicyService policy, PolicyExceptionService exceptions) {
        this.cases = cases;
        this.estimator = estimator;
        this.policy = policy;
        this.exceptions = exceptions;
    }

    @Transactional(readOnly = true)
    public String text(Long caseId, Long exceptionId, boolean salary) {
        RelocationCase c = cases.get(caseId);
        StringBuilder b = new StringBuilder();
        List<PolicyException> asked = exceptions.ofCase(caseId);
        if (exceptionId != null) {
            asked.stream().filter(e -> e.getId().equals(exceptionId)).findFirst().ifPresent(e -> {
                b.append("EXCEPTION TO DECIDE: #").append(e.getId()).append(' ').append(e.getCategory()).append(' ').append(e.money())
                        .append(" (clause ").append(e.getPolicyClause()).append(", asked by ").append(e.getRequestedBy()).append(")\n")
                        .append("Justification: ").append(e.getJustification()).append("\n\n");
            });
        }
        b.append("Case ").append(c.getCaseNumber()).append(": ").append(c.getAssignmentType()).append(' ')
                .append(c.getHomeCountry()).append(" -> ").append(c.getHostCountry()).append(" (").append(c.getHostCity()).append("), ")
                .append(c.getStartDate()).append(" to ").append(c.getEndDate() == null ? "open-ended" : c.getEndDate()).append(", ").append(c.durationMonths()).append(" month(s), ")
                .append(c.getTravellers().size()).append(" traveller(s), cost centre ").append(c.getCostCentre()).append('\n');
        latest(caseId, PolicyService.PACKAGE).ifPresent(p -> b.append("Policy tier ").append(p.get("policyTier")).append(", ")
                .append(p.get("moveType")).append(", core benefits ").append(p.get("coreBenefits")).append('\n'));
        estimator.latest(caseId).ifPresent(e -> appendEstimate(b, c, e, salary));
        latestRows(caseId, PolicyService.APPROVAL_ROUTING).ifPresent(rows -> {
            b.append("\nApprovals this case needs:\n");
            rows.forEach(r -> b.append("  ").append(r.get("approval")).append(": ").append(r.get("reason")).append('\n'));
        });
        if (!asked.isEmpty()) {
            b.append("\nPolicy exceptions:\n");
            asked.forEach(e -> b.append("  #").append(e.getId()).append(' ').append(e.getCategory()).append(' ').append(e.money())
                    .append(" (clause ").append(e.getPolicyClause()).append("): ").append(e.getStatus().name().toLowerCase()).append('\n'));
        }
        return b.toString();
    }

    private static void appendEstimate(StringBuilder b, RelocationCase c, CostEstimate e, boolean salary) {
        b.append("\nEstimate version ").append(e.getVersion()).append(" (").append(e.getReason()).append(", rates of ").append(e.getRatesOn())
                .append("): ").append(e.total());
        if (e.reportingTotal() != null) {
            b.append(" = ").append(e.reportingTotal());
        }
        b.append("; budget ").append(c.budget()).append(e.total().isGreaterThan(c.budget()) ? " - OVER BUDGET" : " - within budget").append('\n');
        for (CostEstimateLine l : e.getLines()) {
            if (salary || !CaseFields.SALARY_LINES.contains(l.getCategory())) {
                b.append("  ").append(l.getCategory()).append(": ").append(l.money()).append("  (").append(l.getBasis()).append(")\n");
            } else {
                b.append("  ").append(l.getCategory()).append(": withheld (computed from the base salary; finance and HR see it)\n");
            }
        }
    }

    private java.util.Optional<Map<String, Object>> latest(Long caseId, String key) {
        return latestRows(caseId, key).filter(rows -> !rows.isEmpty()).map(rows -> rows.get(0));
    }

    private java.util.Optional<List<Map<String, Object>>> latestRows(Long caseId, String key) {
        return policy.latestOutputs(caseId, key);
    }
}
