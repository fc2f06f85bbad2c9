package org.relocation.tax;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code relocation.tax.returns}: when a country's tax return of a tax year is due, for the tax provider orders
 * ({@link TaxProviderOrders}). The filing deadline is the first {@code filing-deadlines.<country>} day (MM-DD) after the
 * country's tax year ends ({@link PresenceProperties#taxYearEnd}); a country not listed uses
 * {@code default-filing-deadline}. {@code max-tax-years}: the most tax years ordered per country for one case.
 * <p>
 * The built-in deadlines are ILLUSTRATIVE demo rules (a resident individual filing on paper or on line without an
 * adviser's extension; real deadlines move with extensions, advisers, e-filing and the taxpayer's situation): DE 07-31,
 * GB 01-31, US 04-15, FR 05-31, NL 05-01, ES 06-30, IT 10-31, CH 03-31, AU 10-31, IN 07-31, SG 04-15, JP 03-15;
 * otherwise 06-30. Finance and the tax provider set the real ones.
 */
@ConfigurationProperties("relocation.tax.returns")
public class TaxReturnProperties implements InitializingBean {

    private Map<String, String> filingDeadlines = new HashMap<>(Map.ofEntries(
            Map.entry("DE", "07-31"), Map.entry("GB", "01-31"), Map.entry("US", "04-15"), Map.entry("FR", "05-31"),
            Map.entry("NL", "05-01"), Map.entry("ES", "06-30"), Map.entry("IT", "10-31"), Map.entry("CH", "03-31"),
            Map.entry("AU", "10-31"), Map.entry("IN", "07-31"), Map.entry("SG", "04-15"), Map.entry("JP", "03-15")));
    private String defaultFilingDeadline = "06-30";
    private int maxTaxYears = 6;

    public Map<String, String> getFilingDeadlines() { return filingDeadlines; }
    public void setFilingDeadlines(Map<String, String> filingDeadlines) { this.filingDeadlines = filingDeadlines; }
    public String getDefaultFilingDeadline() { return defaultFilingDeadline; }
    public void setDefaultFilingDeadline(String defaultFilingDeadline) { this.defaultFilingDeadline = defaultFilingDeadline; }
    public int getMaxTaxYears() { return maxTaxYears; }
    public void setMaxTaxYears(int maxTaxYears) { this.maxTaxYears = maxTaxYears; }

    /** A configuration error stops the application at startup. */
    @Override
    public void afterPropertiesSet() {
        String prefix = "relocation.tax.returns.";
        day(prefix + "default-filing-deadline", defaultFilingDeadline);
        filingDeadlines.forEach((country, day) -> {
            if (!TaxTableService.isCountry(country.toUpperCase(Locale.ROOT))) {
                throw new IllegalStateException(prefix + "filing-deadlines: " + country + " is not an ISO 3166-1 alpha-2 country code");
            }
            day(prefix + "filing-deadlines." + country, day);
        });
        if (maxTaxYears < 1 || maxTaxYears > 10) {
            throw new IllegalStateException(prefix + "max-tax-years must be between 1 and 10, was " + maxTaxYears);
        }
    }

    /** The filing deadline of a country's return for the tax year that ends on {@code taxYearEnd}. */
    public LocalDate filingDeadline(String country, LocalDate taxYearEnd) {
        String configured = filingDeadlines.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(country))
                .map(Map.Entry::getValue).findFirst().orElse(defaultFilingDeadline);
        MonthDay day = day("relocation.tax.returns.filing-deadlines." + country, configured);
        LocalDate candidate = day.atYear(taxYearEnd.getYear());
        return candidate.isAfter(taxYearEnd) ? candidate : day.atYear(taxYearEnd.getYear() + 1);
    }

    private static MonthDay day(String name, String value) {
        try {
            return MonthDay.parse("--" + value);
        } catch (DateTimeException | NullPointerException e) {
            throw new IllegalStateException(name + " must be a day of the year as MM-DD (e.g. 07-31), was " + value);
        }
    }
}
