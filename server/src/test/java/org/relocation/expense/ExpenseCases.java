package org.relocation.expense;

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
 * Case records for expense-claim tests without a journey, as the ledger's tests make them: registered for the demo user
 * {@code employee}, decided by the policy tables, estimated and approved. A long-term single assignee to "Host City", DE
 * is band C, STANDARD, MANAGED (housing cap 3200 EUR a month, no cap on travel); a short-term one (six months) is CORE, LUMP_SUM.
 */
final class ExpenseCases {

    private ExpenseCases() {
    }

    static RelocationCase open(CaseService cases, PolicyService policy, CostEstimator estimator, String type) {
        RelocationCase c = cases.register(new CaseIntake("Test Employee", "employee@example.com", "employee", "IN", "GB", "London", "DE",
                "Host City", type, LocalDate.of(2027, 3, 1),
                "SHORT_TERM".equals(type) ? LocalDate.of(2027, 8, 31) : LocalDate.of(2029, 2, 28), "CC-DE-100", new BigDecimal("250000"), "EUR", 6,
                new BigDecimal("90000"), "EUR", List.of(), "manager", null), "test");
        assertThat(policy.apply(c.getId()).eligible()).isTrue();
        estimator.estimate(c.getId(), "intake", "test");
        estimator.approveLatest(c.getId());
        return c;
    }
}
