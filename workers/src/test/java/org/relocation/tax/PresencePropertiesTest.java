package org.relocation.tax;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The day limits and warning thresholds of presence days (183 with warnings at 150 and 170, scaled to a treaty's limit)
 * and each country's tax year.
 */
class PresencePropertiesTest {

    @Test
    void theDefaultLimitWarnsAt150And170AndATreatyLimitScalesTheWarnings() {
        PresenceProperties p = new PresenceProperties();
        p.setTreatyLimits(Map.of("XK", 90));
        assertThat(p.limitOf("DE")).isEqualTo(183);
        assertThat(p.thresholdsOf("DE")).containsExactly(150, 170, 183);
        assertThat(p.limitOf("XK")).isEqualTo(90);
        assertThat(p.thresholdsOf("XK")).as("150/183 and 170/183 of 90, rounded down").containsExactly(73, 83, 90);
        p.setWarnAt(List.of(120, 200));
        assertThat(p.thresholdsOf("DE")).as("a warning at or above the limit is the limit's").containsExactly(120, 183);
    }

    @ParameterizedTest(name = "{0} {1}: tax year {2}, {3} to {4}")
    @CsvSource({
            "DE, 2026-01-01, 2026, 2026-01-01, 2026-12-31",
            "DE, 2026-12-31, 2026, 2026-01-01, 2026-12-31",
            "GB, 2026-04-05, 2025, 2025-04-06, 2026-04-05",
            "GB, 2026-04-06, 2026, 2026-04-06, 2027-04-05",
            "IN, 2027-03-31, 2026, 2026-04-01, 2027-03-31",
            "AU, 2026-07-01, 2026, 2026-07-01, 2027-06-30",
            "AU, 2026-06-30, 2025, 2025-07-01, 2026-06-30"})
    void aCountrysTaxYearIsNamedAfterTheYearItStartsIn(String country, LocalDate day, int taxYear, LocalDate start, LocalDate end) {
        PresenceProperties p = new PresenceProperties();
        assertThat(p.taxYearOf(country, day)).isEqualTo(taxYear);
        assertThat(p.taxYearStart(country, taxYear)).isEqualTo(start);
        assertThat(p.taxYearEnd(country, taxYear)).isEqualTo(end);
    }
}
