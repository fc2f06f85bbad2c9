package org.relocation.ledger;

import org.relocation.estimate.CostEstimate;
import org.relocation.estimate.CostEstimator;
import org.relocation.policy.PolicyService;
import org.relocation.relocationcase.CaseIntake;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Case records for ledger tests without a journey: registered, decided by the policy tables, estimated and (if asked)
 * the estimate approved, as the approval phase leaves them. A long-term single assignee to "Host City", DE is band C,
 * STANDARD tier, MANAGED: housing cap 3200 EUR a month, COLA 6 %, relocation allowance 8000 EUR; a short-term single one
 * is CORE, LUMP_SUM.
 */
final class LedgerCases {

    private LedgerCases() {
    }

    static RelocationCase open(CaseService cases, PolicyService policy, CostEstimator estimator, String type, LocalDate start, LocalDate end,
                               String costCentre, boolean approve) {
        RelocationCase c = cases.register(new CaseIntake("Test Employee", "employee@example.com", "employee", "IN", "GB", "London", "DE",
                "Host City", type, start, end, costCentre, new BigDecimal("250000"), "EUR", 6, new BigDecimal("90000"), "EUR", List.of(),
                "manager", null), "test");
        assertThat(policy.apply(c.getId()).eligible()).isTrue();
        estimator.estimate(c.getId(), "intake", "test");
        if (approve) {
            estimator.approveLatest(c.getId());
        }
        return c;
    }

    static RelocationCase longTerm(CaseService cases, PolicyService policy, CostEstimator estimator, String costCentre) {
        return open(cases, policy, estimator, "LONG_TERM", LocalDate.of(2027, 3, 1), LocalDate.of(2029, 2, 28), costCentre, true);
    }

    static BigDecimal budget(CostEstimator estimator, Long caseId) {
        CostEstimate approved = estimator.versions(caseId).stream().filter(e -> e.getApprovedAt() != null).reduce((a, b) -> b).orElseThrow();
        return approved.reportingTotal().amount();
    }
}
