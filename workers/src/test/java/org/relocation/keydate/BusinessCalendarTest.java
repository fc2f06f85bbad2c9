package org.relocation.keydate;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Business days from jollyday's public holidays and the configured weekends, counted back from a date. */
class BusinessCalendarTest {

    private final BusinessCalendar calendar = new BusinessCalendar(new KeyDateProperties());

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void germanEasterHolidaysAndTheWeekendAreSkipped() {
        // Good Friday 2036-04-11, Easter Sunday 04-13, Easter Monday 04-14
        assertThat(calendar.isBusinessDay("DE", d("2036-04-11"))).isFalse();
        assertThat(calendar.isBusinessDay("DE", d("2036-04-12"))).isFalse();
        assertThat(calendar.isBusinessDay("DE", d("2036-04-14"))).isFalse();
        assertThat(calendar.isBusinessDay("DE", d("2036-04-10"))).isTrue();
        // one business day before Tuesday 04-15 is Thursday 04-10, across a holiday, a weekend and a holiday
        assertThat(calendar.businessDaysBefore("DE", d("2036-04-15"), 1)).isEqualTo(d("2036-04-10"));
        // Thu 10 (1), Wed 9 (2), Tue 8 (3), Mon 7 (4), Fri 4 (5)
        assertThat(calendar.businessDaysBefore("DE", d("2036-04-15"), 5)).isEqualTo(d("2036-04-04"));
        // calendar days ignore all of it
        assertThat(calendar.before("DE", d("2036-04-15"), 5, false)).isEqualTo(d("2036-04-10"));
    }

    @Test
    void germanChristmasAndNewYear() {
        assertThat(calendar.holidays("DE", 2030)).contains(d("2030-01-01"), d("2030-12-25"), d("2030-12-26"), d("2030-10-03"));
        // Thu 2031-01-02: Wed 01-01 is New Year's Day, Tue 12-31 counts, Mon 12-30 counts, weekend, Fri 12-27 counts, 25/26 holidays
        assertThat(calendar.businessDaysBefore("DE", d("2031-01-02"), 1)).isEqualTo(d("2030-12-31"));
        assertThat(calendar.businessDaysBefore("DE", d("2031-01-02"), 3)).isEqualTo(d("2030-12-27"));
        assertThat(calendar.businessDaysBefore("DE", d("2031-01-02"), 4)).isEqualTo(d("2030-12-24"));
    }

    @Test
    void britishBoxingDayFallingOnASaturdayIsObservedOnMonday() {
        assertThat(calendar.holidays("GB", 2026)).contains(d("2026-12-25"), d("2026-12-28"));
        // Tue 12-29: Mon 28 substitute holiday, weekend, Fri 25 Christmas -> Thu 24
        assertThat(calendar.businessDaysBefore("GB", d("2026-12-29"), 1)).isEqualTo(d("2026-12-24"));
    }

    @Test
    void offsetZeroOnADayOffIsTheBusinessDayBefore() {
        assertThat(calendar.businessDaysBefore("DE", d("2036-04-14"), 0)).isEqualTo(d("2036-04-10"));
        assertThat(calendar.businessDaysBefore("DE", d("2036-04-15"), 0)).isEqualTo(d("2036-04-15"));
    }

    @Test
    void weekendsFollowTheCountry() {
        // Saudi Arabia: Friday and Saturday off, Sunday a working day (configured default)
        assertThat(calendar.isBusinessDay("SA", d("2035-01-14"))).as("Sunday in SA").isTrue();
        assertThat(calendar.isBusinessDay("SA", d("2035-01-12"))).as("Friday in SA").isFalse();
        assertThat(calendar.isBusinessDay("AE", d("2035-01-14"))).as("Sunday in AE").isFalse();
        KeyDateProperties p = new KeyDateProperties();
        p.getWeekends().put("NL", List.of(DayOfWeek.SUNDAY));
        assertThat(new BusinessCalendar(p).isBusinessDay("NL", d("2035-01-13"))).as("Saturday, configured a working day").isTrue();
    }

    @Test
    void aValidCountryWithoutHolidayCalendarCountsWeekendsOnly() {
        assertThat(BusinessCalendar.isCountry("TW")).isTrue();
        assertThat(calendar.hasHolidays("TW")).isFalse();
        assertThat(calendar.holidays("TW", 2035)).isEmpty();
        assertThat(calendar.businessDaysBefore("TW", d("2035-01-15"), 2)).isEqualTo(d("2035-01-11"));
    }

    @Test
    void unknownCountriesAndAbsurdOffsetsAreRefused() {
        assertThat(BusinessCalendar.isCountry("XX")).isFalse();
        assertThat(BusinessCalendar.isCountry("de")).isFalse();
        assertThatThrownBy(() -> calendar.isBusinessDay("XX", d("2035-01-15"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.businessDaysBefore("DE", d("2035-01-15"), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.businessDaysBefore("DE", d("2035-01-15"), 100_000)).isInstanceOf(IllegalArgumentException.class);
        KeyDateProperties p = new KeyDateProperties();
        p.getWeekends().put("XX", List.of(DayOfWeek.SUNDAY));
        assertThatThrownBy(() -> new BusinessCalendar(p)).isInstanceOf(IllegalStateException.class).hasMessageContaining("XX");
        KeyDateProperties allWeek = new KeyDateProperties();
        allWeek.getWeekends().put("DE", List.of(DayOfWeek.values()));
        assertThatThrownBy(() -> new BusinessCalendar(allWeek)).isInstanceOf(IllegalStateException.class);
    }
}
