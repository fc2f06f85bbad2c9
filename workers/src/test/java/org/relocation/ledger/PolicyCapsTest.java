package org.relocation.ledger;

import org.junit.jupiter.api.Test;
import org.relocation.policy.PolicyService;
import org.relocation.relocationcase.Money;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The cap of each category and period, from the allowances a policy decision gave (long term, band C, standard tier). */
class PolicyCapsTest {

    private static final LocalDate START = LocalDate.of(2027, 3, 1);
    private static final LocalDate END = LocalDate.of(2029, 2, 28);
    private static final Money SALARY = Money.of("90000", "EUR");

    private static PolicyService.Allowances allowances(String moveType, String cola, int homeLeave) {
        return new PolicyService.Allowances("STANDARD", moveType, "temporary-housing", 30, "C", new BigDecimal(cola), new BigDecimal("3200"),
                new BigDecimal("80"), homeLeave, new BigDecimal("20000"), new BigDecimal("3000"), new BigDecimal("8000"), 30,
                new BigDecimal("140"), "EUR");
    }

    private static PolicyCaps.Cap cap(PaymentCategory category, PolicyService.Allowances a, long children, LocalDate due) {
        return PolicyCaps.of(category, a, SALARY, children, due, START, END).orElseThrow();
    }

    @Test
    void housingIsCappedPerCalendarMonthAndTheSentenceNamesTheCap() {
        PolicyCaps.Cap c = cap(PaymentCategory.HOUSING, allowances("MANAGED", "6", 1), 0, LocalDate.of(2027, 4, 15));
        assertThat(c.period()).isEqualTo(CapPeriod.MONTH);
        assertThat(c.start()).isEqualTo(LocalDate.of(2027, 4, 1));
        assertThat(c.end()).isEqualTo(LocalDate.of(2027, 4, 30));
        assertThat(c.amount()).isEqualTo(Money.of("3200", "EUR"));
        assertThat(c.sentence()).isEqualTo("the housing cap of 3200.00 EUR a month (city band C, STANDARD tier)");
    }

    @Test
    void costOfLivingIsAShareOfTheMonthlySalaryAndTheSentenceDoesNotNameTheSalary() {
        PolicyCaps.Cap c = cap(PaymentCategory.COST_OF_LIVING, allowances("MANAGED", "6", 1), 0, LocalDate.of(2027, 4, 15));
        assertThat(c.amount()).isEqualTo(Money.of("450", "EUR")); // 90000 x 6 % / 12
        assertThat(c.sentence()).isEqualTo("the cost-of-living cap of 6% of the base salary a month").doesNotContain("90000", "450");
    }

    @Test
    void perDiemCountsTheDaysOfTheMonthAndSchoolingTheChildrenPerCalendarYear() {
        assertThat(cap(PaymentCategory.PER_DIEM, allowances("MANAGED", "6", 1), 0, LocalDate.of(2027, 2, 10)).amount())
                .isEqualTo(Money.of("2240", "EUR")); // 28 days x 80
        PolicyCaps.Cap schooling = cap(PaymentCategory.SCHOOLING, allowances("MANAGED", "6", 1), 2, LocalDate.of(2028, 9, 1));
        assertThat(schooling.period()).isEqualTo(CapPeriod.YEAR);
        assertThat(schooling.start()).isEqualTo(LocalDate.of(2028, 1, 1));
        assertThat(schooling.amount()).isEqualTo(Money.of("40000", "EUR"));
        assertThat(cap(PaymentCategory.SCHOOLING, allowances("MANAGED", "6", 1), 0, LocalDate.of(2028, 9, 1)).sentence())
                .isEqualTo("the policy grants no schooling (no child travels) for this case");
    }

    @Test
    void lumpSumsAreCappedOverTheWholeAssignment() {
        PolicyCaps.Cap temporary = cap(PaymentCategory.TEMPORARY_HOUSING, allowances("MANAGED", "6", 1), 0, LocalDate.of(2027, 3, 1));
        assertThat(temporary.period()).isEqualTo(CapPeriod.ASSIGNMENT);
        assertThat(temporary.amount()).isEqualTo(Money.of("4200", "EUR")); // 30 nights x 140
        assertThat(cap(PaymentCategory.RELOCATION_ALLOWANCE, allowances("MANAGED", "6", 1), 0, START).amount()).isEqualTo(Money.of("8000", "EUR"));
    }

    @Test
    void aZeroRateGrantsNothingAndALumpSumPackageShipsNoHouseholdGoods() {
        assertThat(cap(PaymentCategory.COST_OF_LIVING, allowances("MANAGED", "0", 1), 0, START).sentence())
                .isEqualTo("the policy grants no cost-of-living allowance for this case");
        assertThat(cap(PaymentCategory.HOME_LEAVE, allowances("MANAGED", "6", 0), 0, START).amount().amount()).isZero();
        assertThat(PolicyCaps.of(PaymentCategory.HOME_LEAVE, allowances("MANAGED", "6", 1), SALARY, 0, START, START, END)).isEmpty();
        assertThat(PolicyCaps.of(PaymentCategory.HOUSEHOLD_GOODS, allowances("MANAGED", "6", 1), SALARY, 0, START, START, END)).isEmpty();
        assertThat(cap(PaymentCategory.HOUSEHOLD_GOODS, allowances("LUMP_SUM", "6", 1), 0, START).sentence()).contains("lump-sum package");
        for (PaymentCategory uncapped : new PaymentCategory[]{PaymentCategory.TRAVEL, PaymentCategory.IMMIGRATION_FEES, PaymentCategory.TAX,
                PaymentCategory.OTHER}) {
            assertThat(PolicyCaps.of(uncapped, allowances("MANAGED", "6", 1), SALARY, 0, START, START, END)).as(uncapped.code()).isEmpty();
        }
    }
}
