package org.relocation.estimate;

import org.junit.jupiter.api.Test;
import org.relocation.ServerTest;
import org.relocation.audit.DecisionLog;
import org.relocation.audit.DecisionLogEntry;
import org.relocation.fx.MissingExchangeRateException;
import org.relocation.policy.PolicyService;
import org.relocation.relocationcase.CaseIntake;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The estimate in real money against the real policy tables and the demo rates (EUR to JPY 183.50 from 2026-01-01,
 * 176.40 from 2026-10-01; EUR to USD 1.1720, then 1.1650): conversion with the rate in effect, half-even rounding to
 * each currency's minor unit, the gross-up, versions, and a missing rate.
 */
@ServerTest
class CostEstimatorTest {

    @Autowired
    CaseService cases;

    @Autowired
    PolicyService policy;

    @Autowired
    CostEstimator estimator;

    @Autowired
    DecisionLog log;

    private static CaseIntake intake(String budgetCurrency, String salaryCurrency, List<CaseIntake.Dependent> family) {
        return new CaseIntake("Test Employee", "employee@example.com", "employee", "IN", "GB", "London", "DE",
                "Host City", "LONG_TERM", LocalDate.of(2027, 3, 1), LocalDate.of(2029, 2, 28), "CC-EST", new BigDecimal("400000"),
                budgetCurrency, 6, new BigDecimal("90000"), salaryCurrency, family, "manager", null);
    }

    private RelocationCase open(String budgetCurrency, String salaryCurrency, List<CaseIntake.Dependent> family) {
        RelocationCase c = cases.register(intake(budgetCurrency, salaryCurrency, family), "test");
        assertThat(policy.apply(c.getId()).eligible()).isTrue();
        return c;
    }

    @Test
    void linesAreConvertedWithTheRateInEffectAndRoundedToTheMinorUnitOfEachCurrency() {
        RelocationCase c = open("JPY", "USD", List.of(new CaseIntake.Dependent("CHILD", "Kid", "IN", LocalDate.of(2018, 1, 1))));
        CostEstimate e = estimator.estimate(c.getId(), "intake", "test").estimate();
        assertThat(e.total().currency().getCurrencyCode()).isEqualTo("JPY");
        assertThat(e.getRatesOn()).isNotNull();
        for (CostEstimateLine l : e.getLines()) {
            assertThat(l.getCurrency()).isEqualTo("JPY");
            assertThat(l.getAmount().scale()).as(l.getCategory()).isZero();
            assertThat(l.getReportingAmount().scale()).as(l.getCategory()).isEqualTo(2);
        }
        // housing: 24 months x EUR 3,200 (band C, long term) at the October rate 176.40, half-even to whole yen
        assertThat(line(e, "housing-allowance").getAmount()).isEqualByComparingTo(new BigDecimal("76800").multiply(new BigDecimal("176.40"))
                .setScale(0, RoundingMode.HALF_EVEN));
        assertThat(line(e, "housing-allowance").getReportingAmount()).isEqualByComparingTo("76800.00");
        // COLA: 6% of the monthly USD salary for 24 months, USD -> JPY through EUR (cross rate 176.40 / 1.1650)
        BigDecimal colaUsd = new BigDecimal("90000").multiply(new BigDecimal("6")).multiply(new BigDecimal("24")).divide(new BigDecimal("1200"));
        BigDecimal cross = BigDecimal.ONE.divide(new BigDecimal("1.1650"), java.math.MathContext.DECIMAL64)
                .multiply(new BigDecimal("176.40"), java.math.MathContext.DECIMAL64);
        assertThat(line(e, "cost-of-living-allowance").getAmount()).isCloseTo(colaUsd.multiply(cross).setScale(0, RoundingMode.HALF_EVEN),
                org.assertj.core.data.Offset.offset(BigDecimal.ONE));
        // the gross-up is 30 % of the taxable lines in the case currency, then rounded
        BigDecimal taxable = List.of("relocation-allowance", "cost-of-living-allowance", "housing-allowance", "home-leave", "schooling").stream()
                .map(k -> line(e, k).getAmount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(line(e, "tax-gross-up").getAmount()).isEqualByComparingTo(taxable.multiply(new BigDecimal("0.30")).setScale(0, RoundingMode.HALF_EVEN));
        // totals are the sums of the rounded lines
        assertThat(e.total().amount()).isEqualByComparingTo(e.getLines().stream().map(CostEstimateLine::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(e.reportingTotal().amount()).isEqualByComparingTo(e.getLines().stream().map(CostEstimateLine::getReportingAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        // the rates used, with their effective dates, are in the decision log
        DecisionLogEntry logged = log.entries(c.getId()).stream().filter(x -> x.getSubject().equals("estimate-v1")).findFirst().orElseThrow();
        assertThat(logged.getDetails()).contains("\"EUR/JPY\":\"176.4 from 2026-10-01\"");
        assertThat(logged.getDetails()).doesNotContain("90000");
    }

    @Test
    void theSameEstimateWritesNothingNewAChangedCaseMakesANewVersionAndKeepsTheOld() {
        RelocationCase c = open("EUR", "EUR", List.of());
        CostEstimator.Result first = estimator.estimate(c.getId(), "intake", "test");
        assertThat(first.created()).isTrue();
        assertThat(first.estimate().getVersion()).isEqualTo(1);
        BigDecimal firstTotal = first.estimate().total().amount();

        CostEstimator.Result again = estimator.estimate(c.getId(), "intake", "test");
        assertThat(again.created()).isFalse();
        assertThat(again.estimate().getVersion()).isEqualTo(1);

        cases.revise(c.getId(), new CaseService.Revision(null, LocalDate.of(2028, 2, 29), null, null));
        policy.apply(c.getId());
        CostEstimator.Result revised = estimator.estimate(c.getId(), "revised intake", "test");
        assertThat(revised.created()).isTrue();
        assertThat(revised.estimate().getVersion()).isEqualTo(2);
        assertThat(revised.estimate().total().amount()).isLessThan(firstTotal);
        assertThat(line(revised.estimate(), "housing-allowance").getAmount()).isEqualByComparingTo("38400.00"); // 12 x 3200
        List<CostEstimate> versions = estimator.versions(c.getId());
        assertThat(versions).extracting(CostEstimate::getVersion).containsExactly(1, 2);
        assertThat(versions.get(0).total().amount()).isEqualByComparingTo(firstTotal);
        assertThat(versions.get(0).getReason()).isEqualTo("intake");
        assertThat(versions.get(1).getReason()).isEqualTo("revised intake");
    }

    @Test
    void aCurrencyWithoutARateInEffectIsRefusedAtIntakeAndStopsAnEstimateNamingThePair() {
        CaseIntake icelandic = intake("ISK", "EUR", List.of());
        assertThatThrownBy(() -> cases.register(icelandic, "test")).isInstanceOf(org.relocation.relocationcase.InvalidIntakeException.class)
                .satisfies(e -> assertThat(((org.relocation.relocationcase.InvalidIntakeException) e).getFieldErrors())
                        .containsOnlyKeys("budgetCurrency"));
        // an estimate that meets a missing rate anyway (a draft for options advice) stops with the pair and the day named
        RelocationCase draft = RelocationCase.draft(icelandic, java.time.Instant.now());
        PolicyService.Preview p = policy.preview(draft);
        assertThatThrownBy(() -> estimator.preview(draft, p.allowances()))
                .isInstanceOf(MissingExchangeRateException.class)
                .hasMessageContaining("ISK").hasMessageContaining("finance must load one");
    }

    private static CostEstimateLine line(CostEstimate e, String category) {
        return e.getLines().stream().filter(l -> l.getCategory().equals(category)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + category + " line"));
    }
}
