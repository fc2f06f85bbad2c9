package org.relocation.tax;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tax returns of an assignment and their filing deadlines (docs/pay-and-tax.md "Settlements and tax returns"):
 * each country's tax years from the start to the end date, the deadline the first configured day after the year ends.
 */
class TaxReturnPlanTest {

    private final PresenceProperties taxYears = new PresenceProperties();
    private final TaxReturnProperties returns = new TaxReturnProperties();

    @Test
    void homeAndHostReturnsOfEveryTaxYearWithTheFirstDeadlineDayAfterTheYearEnds() {
        returns.afterPropertiesSet();
        assertThat(TaxProviderOrders.plan("GB", "DE", LocalDate.of(2027, 3, 1), LocalDate.of(2029, 2, 28), taxYears, returns))
                .extracting(r -> r.role() + " " + r.keyDateKind() + " " + r.yearStart() + ".." + r.yearEnd() + " " + r.filingDeadline())
                .containsExactly(
                        "HOME tax-return-due-gb-2026 2026-04-06..2027-04-05 2028-01-31",
                        "HOME tax-return-due-gb-2027 2027-04-06..2028-04-05 2029-01-31",
                        "HOME tax-return-due-gb-2028 2028-04-06..2029-04-05 2030-01-31",
                        "HOST tax-return-due-de-2027 2027-01-01..2027-12-31 2028-07-31",
                        "HOST tax-return-due-de-2028 2028-01-01..2028-12-31 2029-07-31",
                        "HOST tax-return-due-de-2029 2029-01-01..2029-12-31 2030-07-31");
        // Australia's tax year ends on 30 June: due 31 October; a country not listed: 30 June after the year
        assertThat(returns.filingDeadline("AU", LocalDate.of(2028, 6, 30))).isEqualTo(LocalDate.of(2028, 10, 31));
        assertThat(returns.filingDeadline("BR", LocalDate.of(2027, 12, 31))).isEqualTo(LocalDate.of(2028, 6, 30));
    }

    @Test
    void withoutAnEndDateTheYearOfTheMoveOnlyAndADomesticMoveOnce() {
        returns.afterPropertiesSet();
        assertThat(TaxProviderOrders.plan("GB", "DE", LocalDate.of(2027, 5, 1), null, taxYears, returns))
                .extracting(TaxProviderOrders.TaxReturn::keyDateKind).containsExactly("tax-return-due-gb-2027", "tax-return-due-de-2027");
        assertThat(TaxProviderOrders.plan("DE", "DE", LocalDate.of(2027, 5, 1), LocalDate.of(2027, 11, 30), taxYears, returns))
                .extracting(TaxProviderOrders.TaxReturn::keyDateKind).containsExactly("tax-return-due-de-2027");
        returns.setMaxTaxYears(2);
        assertThat(TaxProviderOrders.plan("DE", "FR", LocalDate.of(2027, 1, 1), LocalDate.of(2031, 12, 31), taxYears, returns))
                .as("at most max-tax-years per country").hasSize(4);
    }

    @Test
    void aBadSettingStopsTheStart() {
        returns.setFilingDeadlines(Map.of("DE", "13-01"));
        assertThatThrownBy(returns::afterPropertiesSet).hasMessageContaining("relocation.tax.returns.filing-deadlines.DE");
        returns.setFilingDeadlines(Map.of("XYZ", "07-31"));
        assertThatThrownBy(returns::afterPropertiesSet).hasMessageContaining("XYZ is not an ISO 3166-1");
        returns.setFilingDeadlines(Map.of());
        returns.setMaxTaxYears(0);
        assertThatThrownBy(returns::afterPropertiesSet).hasMessageContaining("max-tax-years");
    }
}
