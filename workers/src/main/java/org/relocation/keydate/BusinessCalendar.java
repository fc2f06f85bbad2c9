package org.relocation.keydate;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Business days of a host country: not a weekend day (Saturday and Sunday unless {@code relocation.key-dates.weekends}
 * says otherwise) and not a public or bank holiday of the country, from the maintained jollyday library (national
 * holidays; regional ones are not counted). A valid country jollyday has no calendar for counts weekends only.
 */
@Component
public class BusinessCalendar {

    private static final Logger log = LoggerFactory.getLogger(BusinessCalendar.class);
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<DayOfWeek> SATURDAY_SUNDAY = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    private static final Set<HolidayType> DAYS_OFF = EnumSet.of(HolidayType.PUBLIC_HOLIDAY, HolidayType.BANK_HOLIDAY);
    /** Longest offset counted, about ten years: a larger one is a configuration or input error. */
    static final int MAX_DAYS = 3660;

    private final Map<String, Set<DayOfWeek>> weekends = new HashMap<>();
    private final Set<String> withHolidays;
    private final Map<String, Set<LocalDate>> holidays = new ConcurrentHashMap<>();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    public BusinessCalendar(KeyDateProperties properties) {
        properties.getWeekends().forEach((country, days) -> {
            String c = country.toUpperCase(Locale.ROOT);
            if (!isCountry(c)) {
                throw new IllegalStateException("relocation.key-dates.weekends: " + country + " is not an ISO 3166-1 alpha-2 country code");
            }
            if (days == null || days.isEmpty() || days.size() >= 7) {
                throw new IllegalStateException("relocation.key-dates.weekends." + country + " must name between one and six days");
            }
            weekends.put(c, EnumSet.copyOf(days));
        });
        withHolidays = HolidayManager.getSupportedCalendarCodes().stream()
                .map(code -> code.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the code is an ISO 3166-1 alpha-2 country code (upper case, e.g. DE). */
    public static boolean isCountry(String code) {
        return code != null && code.length() == 2 && ISO_COUNTRIES.contains(code);
    }

    /** Whether public holidays of the country are known (else only weekends count as days off). */
    public boolean hasHolidays(String country) {
        return withHolidays.contains(country(country));
    }

    public boolean isBusinessDay(String country, LocalDate day) {
        String c = country(country);
        return !weekends.getOrDefault(c, SATURDAY_SUNDAY).contains(day.getDayOfWeek()) && !holidays(c, day.getYear()).contains(day);
    }

    /** The public and bank holidays (days off) of a country in a year. */
    public Set<LocalDate> holidays(String country, int year) {
        String c = country(country);
        if (!withHolidays.contains(c)) {
            if (warned.add(c)) {
                log.warn("No public holiday calendar for {}: business days there skip weekends only", c);
            }
            return Set.of();
        }
        return holidays.computeIfAbsent(c + "-" + year, key -> {
            HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(c.toLowerCase(Locale.ROOT)));
            return manager.getHolidays(Year.of(year)).stream()
                    .filter(h -> DAYS_OFF.contains(h.getType()))
                    .map(Holiday::getDate) // the day off: observed (substitute) date where there is one
                    .collect(Collectors.toUnmodifiableSet());
        });
    }

    /**
     * The day that lies {@code days} business days before {@code date}: stepping back from the date, every business
     * day counts one, weekends and holidays none. With 0, the date itself if it is a business day, else the
     * business day before it.
     */
    public LocalDate businessDaysBefore(String country, LocalDate date, int days) {
        checkDays(days);
        LocalDate day = date;
        if (days == 0) {
            while (!isBusinessDay(country, day)) {
                day = day.minusDays(1);
            }
            return day;
        }
        int counted = 0;
        while (counted < days) {
            day = day.minusDays(1);
            if (isBusinessDay(country, day)) {
                counted++;
            }
        }
        return day;
    }

    /** {@code days} business days ({@link #businessDaysBefore}) or calendar days before the date. */
    public LocalDate before(String country, LocalDate date, int days, boolean businessDays) {
        checkDays(days);
        return businessDays ? businessDaysBefore(country, date, days) : date.minusDays(days);
    }

    private static void checkDays(int days) {
        if (days < 0 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be between 0 and " + MAX_DAYS + ", was " + days);
        }
    }

    private static String country(String country) {
        String c = country == null ? null : country.toUpperCase(Locale.ROOT);
        if (!isCountry(c)) {
            throw new IllegalArgumentException("Not an ISO 3166-1 alpha-2 country code: " + country);
        }
        return c;
    }
}
