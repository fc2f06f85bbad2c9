package org.relocation.tax;

import org.relocation.fx.ExchangeRateService;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.money.CurrencyUnit;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Effective-dated tax tables per country, loaded by finance (docs/pay-and-tax.md):
 * <ul>
 *   <li>{@link #load}: a batch of tables; every table and bracket is checked first and nothing is written if one field
 *   is bad ({@link InvalidTaxTablesException} names each: {@code tables[1].brackets[2].rate}). Tables are never changed
 *   afterwards: a country and effective date already loaded is refused.</li>
 *   <li>{@link #inEffect}: the country's table with the latest effective date on or before a day.</li>
 * </ul>
 * The calculations on a table are in {@link TaxSchedule}, {@link GrossUpCalculator} and {@link TaxCalculationService}.
 */
@Service
public class TaxTableService {

    /** The most tables one load may carry, and the most brackets a table may have. */
    public static final int MAX_TABLES = 100;
    public static final int MAX_BRACKETS = 50;
    /** Bounds, ceilings and amounts above this are typos (a trillion, in any currency). */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
    /** Rates are fractions below 1 with at most 6 decimals (0.425 = 42.5 %). */
    static final int RATE_DECIMALS = 6;
    static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
    private static final int LOADED_BY_MAX = 64;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final TaxTableRepository tables;
    private final Clock clock;

    TaxTableService(TaxTableRepository tables, Clock clock) {
        this.tables = tables;
        this.clock = clock;
    }

    /** Whether a code is an ISO 3166-1 alpha-2 country code (two capital letters, assigned). */
    public static boolean isCountry(String code) {
        return code != null && code.matches("[A-Z]{2}") && COUNTRIES.contains(code);
    }

    // ---------------------------------------------------------------------------------------------------- loading

    /**
     * Loads a batch of tax tables from one source (e.g. "Finance tax desk, 2027 budget"), loaded by a user. Every table
     * is checked before anything is written; if any field is bad, {@link InvalidTaxTablesException} names each
     * ({@code source}, {@code tables}, {@code tables[0].country}, {@code tables[1].brackets[2].rate}, ...) and nothing
     * is written.
     *
     * @return the tables written, in the order given
     */
    @Transactional
    public List<TaxTable> load(String source, List<TaxTableRow> rows, String loadedBy) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (source == null || source.isBlank()) {
            errors.put("source", "is required (where the tables come from, e.g. Finance tax desk, 2027 budget)");
        } else if (source.strip().length() > TaxTable.TEXT_MAX || source.chars().anyMatch(ch -> ch < 0x20)) {
            errors.put("source", "must be at most " + TaxTable.TEXT_MAX + " characters on one line");
        }
        if (loadedBy == null || loadedBy.isBlank() || loadedBy.length() > LOADED_BY_MAX) {
            throw new IllegalArgumentException("loadedBy must name the user loading the tables (at most " + LOADED_BY_MAX + " characters)");
        }
        if (rows == null || rows.isEmpty()) {
            errors.put("tables", "must list at least one tax table");
        } else if (rows.size() > MAX_TABLES) {
            errors.put("tables", "must list at most " + MAX_TABLES + " tax tables per load");
        } else {
            LocalDate latest = LocalDate.now(clock).plusYears(1);
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                checkTable(i, rows.get(i), latest, seen, errors);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidTaxTablesException(errors);
        }
        Instant now = clock.instant();
        List<TaxTable> created = new ArrayList<>();
        for (TaxTableRow row : rows) {
            created.add(new TaxTable(row, source.strip(), loadedBy, now));
        }
        List<TaxTable> saved = tables.saveAll(created);
        tables.flush(); // a concurrent load of the same country and date fails here, inside this transaction (unique key)
        return saved;
    }

    private void checkTable(int i, TaxTableRow row, LocalDate latest, Map<String, Integer> seen, Map<String, String> errors) {
        String at = "tables[" + i + "]";
        if (row == null) {
            errors.put(at, "is required");
            return;
        }
        boolean countryOk = isCountry(row.country());
        if (!countryOk) {
            errors.put(at + ".country", row.country() == null || row.country().isBlank() ? "is required (an ISO 3166-1 alpha-2 code such as DE)"
                    : "is not an ISO 3166-1 alpha-2 country code (two capital letters, such as DE)");
        }
        Optional<CurrencyUnit> currency = Optional.empty();
        if (row.currency() == null || row.currency().isBlank()) {
            errors.put(at + ".currency", "is required (the country's ISO 4217 currency, such as EUR)");
        } else {
            currency = ExchangeRateService.currency(row.currency());
            if (currency.isEmpty()) {
                errors.put(at + ".currency", "is not an ISO 4217 currency code (three capital letters, such as EUR)");
            } else if (countryOk) {
                String national = nationalCurrency(row.country());
                if (national != null && !national.equals(row.currency())) {
                    errors.put(at + ".currency", "must be the country's currency, " + national + " (bounds and ceilings are in it)");
                }
            }
        }
        int digits = currency.map(CurrencyUnit::getDefaultFractionDigits).orElse(4);
        LocalDate from = row.effectiveFrom();
        if (from == null) {
            errors.put(at + ".effectiveFrom", "is required (YYYY-MM-DD)");
        } else if (from.isAfter(latest)) {
            errors.put(at + ".effectiveFrom", "must be at most one year ahead (on or before " + latest + ")");
        } else if (from.isBefore(EARLIEST)) {
            errors.put(at + ".effectiveFrom", "must not be before " + EARLIEST);
        } else if (countryOk) {
            Integer first = seen.putIfAbsent(row.country() + "@" + from, i);
            if (first != null) {
                errors.put(at + ".effectiveFrom", "repeats tables[" + first + "]: one " + row.country() + " table per effective date");
            } else if (tables.existsByCountryAndEffectiveFrom(row.country(), from)) {
                errors.put(at + ".effectiveFrom", "already has a " + row.country() + " table loaded; loaded tables are never changed "
                        + "(load the new table with a later effective date)");
            }
        }
        if (row.name() == null || row.name().isBlank()) {
            errors.put(at + ".name", "is required (e.g. DE income tax 2027)");
        } else if (row.name().strip().length() > TaxTable.TEXT_MAX || row.name().chars().anyMatch(ch -> ch < 0x20)) {
            errors.put(at + ".name", "must be at most " + TaxTable.TEXT_MAX + " characters on one line");
        }
        checkBrackets(at, row.brackets(), digits, errors);
        checkRate(at + ".socialSecurity.employeeRate", row.socialSecurityRate(), true, errors);
        BigDecimal ceiling = row.socialSecurityCeiling();
        if (ceiling != null) {
            if (ceiling.signum() <= 0) {
                errors.put(at + ".socialSecurity.annualCeiling", "must be greater than 0 (leave it out where the country has no ceiling)");
            } else if (ceiling.compareTo(MAX_AMOUNT) > 0) {
                errors.put(at + ".socialSecurity.annualCeiling", "must be at most " + MAX_AMOUNT.toPlainString());
            } else if (ceiling.stripTrailingZeros().scale() > digits) {
                errors.put(at + ".socialSecurity.annualCeiling", "must have at most " + digits + " decimal places (the currency's minor unit)");
            }
        }
    }

    private static void checkBrackets(String at, List<TaxBracket> brackets, int digits, Map<String, String> errors) {
        if (brackets == null || brackets.isEmpty()) {
            errors.put(at + ".brackets", "must list at least one bracket, the first from lowerBound 0");
            return;
        }
        if (brackets.size() > MAX_BRACKETS) {
            errors.put(at + ".brackets", "must list at most " + MAX_BRACKETS + " brackets");
            return;
        }
        BigDecimal previousBound = null;
        BigDecimal previousRate = null;
        for (int j = 0; j < brackets.size(); j++) {
            String b = at + ".brackets[" + j + "]";
            TaxBracket bracket = brackets.get(j);
            if (bracket == null) {
                errors.put(b, "is required");
                previousBound = null;
                previousRate = null;
                continue;
            }
            BigDecimal lower = bracket.lowerBound();
            if (lower == null) {
                errors.put(b + ".lowerBound", "is required (the annual income from which the rate applies)");
            } else if (j == 0 && lower.signum() != 0) {
                errors.put(b + ".lowerBound", "must be 0: the first bracket starts at no income");
            } else if (lower.signum() < 0) {
                errors.put(b + ".lowerBound", "must be 0 or more");
            } else if (lower.compareTo(MAX_AMOUNT) > 0) {
                errors.put(b + ".lowerBound", "must be at most " + MAX_AMOUNT.toPlainString());
            } else if (lower.stripTrailingZeros().scale() > digits) {
                errors.put(b + ".lowerBound", "must have at most " + digits + " decimal places (the currency's minor unit)");
            } else if (previousBound != null && lower.compareTo(previousBound) <= 0) {
                errors.put(b + ".lowerBound", "must be above the lower bound of brackets[" + (j - 1) + "] (lowest bracket first)");
            }
            boolean rateOk = checkRate(b + ".rate", bracket.rate(), true, errors);
            if (rateOk && previousRate != null && bracket.rate().compareTo(previousRate) < 0) {
                errors.put(b + ".rate", "must not be below the rate of brackets[" + (j - 1) + "] (progressive: rates never fall)");
            }
            previousBound = lower;
            previousRate = rateOk ? bracket.rate() : null;
        }
    }

    private static boolean checkRate(String field, BigDecimal rate, boolean required, Map<String, String> errors) {
        if (rate == null) {
            if (required) {
                errors.put(field, "is required (a fraction: 0.42 = 42 %)");
            }
            return false;
        }
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
            errors.put(field, "must be a fraction from 0 up to, not including, 1 (0.42 = 42 %)");
            return false;
        }
        if (rate.stripTrailingZeros().scale() > RATE_DECIMALS) {
            errors.put(field, "must have at most " + RATE_DECIMALS + " decimal places");
            return false;
        }
        return true;
    }

    /** The currency of a country (java.util.Currency's ISO 4217 data), or null where it has none or several. */
    static String nationalCurrency(String country) {
        try {
            Currency c = Currency.getInstance(new Locale("", country));
            return c == null ? null : c.getCurrencyCode();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------------------------------------------- reading

    /** Whether a table of the country with that effective date was loaded already (loads are not repeated). */
    @Transactional(readOnly = true)
    public boolean isLoaded(String country, LocalDate effectiveFrom) {
        return tables.existsByCountryAndEffectiveFrom(country, effectiveFrom);
    }

    /**
     * The country's table in effect on a day: the one with the latest effective date on or before it.
     *
     * @throws MissingTaxTableException when the country has none in effect on that day
     */
    @Transactional(readOnly = true, noRollbackFor = RuntimeException.class) // a query: its failure (no rate, no table) must not doom the caller's transaction
    public TaxTable inEffect(String country, LocalDate on) {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(on, "on");
        return tables.findInEffect(country, on).orElseThrow(() -> new MissingTaxTableException(country, on));
    }

    /** The schedule of the country's table in effect on a day ({@link #inEffect}), for the calculations. */
    @Transactional(readOnly = true, noRollbackFor = RuntimeException.class) // a query: its failure (no rate, no table) must not doom the caller's transaction
    public TaxSchedule scheduleInEffect(String country, LocalDate on) {
        return inEffect(country, on).schedule();
    }

    /** The tables loaded for a country (null: every country), newest effective date first. */
    @Transactional(readOnly = true)
    public Page<TaxTable> history(String country, int page, int size) {
        PageRequest request = PageRequest.of(page, size);
        return country == null ? tables.findAllByOrderByCountryAscEffectiveFromDescIdDesc(request)
                : tables.findByCountryOrderByEffectiveFromDescIdDesc(country, request);
    }
}
