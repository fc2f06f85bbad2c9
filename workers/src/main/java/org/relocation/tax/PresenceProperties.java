package org.relocation.tax;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code relocation.tax.presence}: the day-count threshold of a tax year ({@code limit}, default 183: the treaty rule
 * under which an employee paid from abroad stays taxable at home), a lower limit per country where a treaty or
 * domestic rule counts fewer days ({@code treaty-limits}, e.g. {@code XX: 90}), and the day counts at which the
 * mobility specialists are warned ahead ({@code warn-at}, default 150 and 170; the limit itself always warns), and the
 * first day of the tax year per country where it is not 1 January ({@code tax-year-starts}, MM-DD; by default GB 04-06,
 * IN and NZ 04-01, AU 07-01). A tax year is named after the calendar year it starts in (GB 2026: 2026-04-06 to 2027-04-05).
 */
@ConfigurationProperties("relocation.tax.presence")
public class PresenceProperties {

    private int limit = 183;
    private Map<String, Integer> treatyLimits = new HashMap<>();
    private List<Integer> warnAt = new ArrayList<>(List.of(150, 170));
    private Map<String, String> taxYearStarts = new HashMap<>(Map.of("GB", "04-06", "IN", "04-01", "NZ", "04-01", "AU", "07-01"));

    public int getLimit() { return limit; }
    public void setLimit(int limit) { this.limit = limit; }
    public Map<String, Integer> getTreatyLimits() { return treatyLimits; }
    public void setTreatyLimits(Map<String, Integer> treatyLimits) { this.treatyLimits = treatyLimits; }
    public List<Integer> getWarnAt() { return warnAt; }
    public void setWarnAt(List<Integer> warnAt) { this.warnAt = warnAt; }
    public Map<String, String> getTaxYearStarts() { return taxYearStarts; }
    public void setTaxYearStarts(Map<String, String> taxYearStarts) { this.taxYearStarts = taxYearStarts; }

    /** The first day of a country's tax year {@code year} (1 January unless {@code tax-year-starts} names another). */
    public java.time.LocalDate taxYearStart(String country, int year) {
        String start = taxYearStarts.get(country);
        java.time.MonthDay day = start == null ? java.time.MonthDay.of(1, 1) : java.time.MonthDay.parse("--" + start);
        return day.atYear(year);
    }

    /** The last day of a country's tax year {@code year}. */
    public java.time.LocalDate taxYearEnd(String country, int year) {
        return taxYearStart(country, year + 1).minusDays(1);
    }

    /** The tax year a day falls in, in a country: the calendar year its tax year starts in. */
    public int taxYearOf(String country, java.time.LocalDate day) {
        return day.isBefore(taxYearStart(country, day.getYear())) ? day.getYear() - 1 : day.getYear();
    }

    /** The limit of a country: its treaty limit, else {@link #getLimit()}. */
    public int limitOf(String country) {
        return treatyLimits.getOrDefault(country, limit);
    }

    /**
     * The warning thresholds of a country, ascending: the configured ones scaled to its limit (150 of 183 → the same
     * share of a 90-day limit) and the limit itself.
     */
    public List<Integer> thresholdsOf(String country) {
        int countryLimit = limitOf(country);
        java.util.TreeSet<Integer> t = new java.util.TreeSet<>();
        for (int w : warnAt) {
            int scaled = countryLimit == limit ? w : (int) Math.floor((double) w * countryLimit / limit);
            if (scaled > 0 && scaled < countryLimit) {
                t.add(scaled);
            }
        }
        t.add(countryLimit);
        return List.copyOf(t);
    }
}
