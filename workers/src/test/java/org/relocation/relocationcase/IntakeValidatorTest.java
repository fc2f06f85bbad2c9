package org.relocation.relocationcase;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IntakeValidatorTest {

    private static CaseIntake intake(String host, LocalDate start, LocalDate end, String amount, String currency) {
        return intake(host, start, end, amount, currency, 6, "90000", "EUR");
    }

    private static CaseIntake intake(String host, LocalDate start, LocalDate end, String amount, String currency,
                                     Integer grade, String salary, String salaryCurrency) {
        return new CaseIntake("Ana", "ana@example.com", "ana", "BR", "BR", "Sao Paulo", host, "City", "LONG_TERM",
                start, end, "CC-1", amount == null ? null : new BigDecimal(amount), currency,
                grade, salary == null ? null : new BigDecimal(salary), salaryCurrency,
                List.of(new CaseIntake.Dependent("CHILD", "Lia", "BR", LocalDate.of(2017, 1, 1))), "lm", null);
    }

    @Test
    void aCompleteIntakeHasNoErrors() {
        assertThat(IntakeValidator.validate(intake("US", LocalDate.of(2027, 1, 1), LocalDate.of(2029, 1, 1), "1000.50", "USD"))).isEmpty();
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        assertThat(IntakeValidator.validate(intake("ZZ", LocalDate.of(2027, 1, 1), LocalDate.of(2026, 1, 1), "-1", "DOLLAR")))
                .containsOnlyKeys("hostCountry", "endDate", "budgetAmount", "budgetCurrency");
    }

    @Test
    void gradeAndSalaryAreRequiredAndBounded() {
        LocalDate start = LocalDate.of(2027, 1, 1);
        LocalDate end = LocalDate.of(2029, 1, 1);
        assertThat(IntakeValidator.validate(intake("US", start, end, "1", "USD", null, null, null)))
                .containsOnlyKeys("gradeLevel", "baseSalaryAmount", "baseSalaryCurrency");
        assertThat(IntakeValidator.validate(intake("US", start, end, "1", "USD", 0, "0", "XXY")))
                .containsOnlyKeys("gradeLevel", "baseSalaryAmount", "baseSalaryCurrency");
        assertThat(IntakeValidator.validate(intake("US", start, end, "1", "USD", 13, "-5", "EUR")))
                .containsOnlyKeys("gradeLevel", "baseSalaryAmount");
        assertThat(IntakeValidator.validate(intake("US", start, end, "1", "USD", 12, "1.005", "EUR")))
                .containsOnlyKeys("baseSalaryAmount");
        assertThat(IntakeValidator.validate(intake("US", start, end, "1", "USD", 1, "1", "JPY"))).isEmpty();
    }

    @Test
    void moneyRoundsToTheCurrencysMinorUnit() {
        assertThat(Money.of("10.005", "EUR").amount()).isEqualByComparingTo("10.01");
        assertThat(Money.of("10.5", "JPY").amount()).isEqualByComparingTo("11");
        assertThat(Money.of("1", "EUR").plus(Money.of("2.25", "EUR"))).isEqualTo(Money.of("3.25", "EUR"));
    }

    @Test
    void durationCountsStartedMonthsSoTwelveMonthsIsTheShortTermBoundary() {
        RelocationCase twelve = new RelocationCase("RC-1", intake("US", LocalDate.of(2027, 1, 1), LocalDate.of(2028, 1, 1), "1", "USD"), java.time.Instant.now());
        RelocationCase thirteen = new RelocationCase("RC-2", intake("US", LocalDate.of(2027, 1, 1), LocalDate.of(2028, 1, 2), "1", "USD"), java.time.Instant.now());
        assertThat(twelve.durationMonths()).isEqualTo(12);
        assertThat(thirteen.durationMonths()).isEqualTo(13);
        assertThat(twelve.isInternational()).isTrue();
        assertThat(twelve.getTravellers()).hasSize(2);
    }

    @Test
    void theLineManagerIsRequiredAndNeitherNamedPersonIsTheEmployee() {
        LocalDate start = LocalDate.of(2027, 1, 1);
        CaseIntake ok = intake("US", start, start.plusYears(2), "1", "USD");
        assertThat(IntakeValidator.validatePeople(ok)).isEmpty();
        assertThat(IntakeValidator.validatePeople(ok.withPeople("lm", "spec"))).isEmpty();
        assertThat(IntakeValidator.validatePeople(ok.withPeople(null, null))).containsOnlyKeys("lineManagerUserId");
        assertThat(IntakeValidator.validatePeople(ok.withPeople("  ", null))).containsOnlyKeys("lineManagerUserId");
        assertThat(IntakeValidator.validatePeople(ok.withPeople("ana", "ana"))).containsOnlyKeys("lineManagerUserId", "specialistUserId");
        assertThat(IntakeValidator.validatePeople(ok.withPeople("a b", "x/y"))).containsOnlyKeys("lineManagerUserId", "specialistUserId");
        // options advice validates drafts without named people: the field rules alone do not ask for them
        assertThat(IntakeValidator.validate(ok.withPeople(null, null))).isEmpty();
    }
}
