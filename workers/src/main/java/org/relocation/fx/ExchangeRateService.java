package org.relocation.fx;

import org.javamoney.moneta.Money;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Effective-dated exchange rates maintained by finance, and conversions with them (JSR 354, Moneta; no rate is ever
 * fetched from the internet: only moneta-core is on the classpath).
 * <ul>
 *   <li>{@link #load}: finance loads a batch of rates; every row is checked first and nothing is written if one is bad.
 *   Rows are never changed afterwards.</li>
 *   <li>{@link #rate}: the rate in effect on a day: the pair's row with the latest effective date on or before the day;
 *   else the inverse pair's (1 / rate); else a cross rate through the {@link #reportingCurrency()}; else
 *   {@link MissingExchangeRateException}. A pair that has any row in effect wins over its inverse, even an older row.</li>
 *   <li>{@link #convert}: amount × rate, computed exactly in {@link BigDecimal} and then rounded once to the target
 *   currency's minor units (ISO 4217 default fraction digits: EUR 2, JPY 0, BHD 3) with {@link RoundingMode#HALF_EVEN}
 *   (banker's rounding: a half goes to the even neighbour, so rounding errors do not drift one way over many
 *   conversions).</li>
 * </ul>
 */
@Service
public class ExchangeRateService {

    /** The most rows one load may carry. */
    public static final int MAX_ROWS = 1000;
    /** A rate above this is a typo (the largest real ones, e.g. 1 EUR in IRR or VND, are below a million). */
    static final BigDecimal MAX_RATE = new BigDecimal("1000000");
    static final int MAX_DECIMALS = 10;
    static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
    private static final int LOADED_BY_MAX = 64;

    private final ExchangeRateRepository rates;
    private final Clock clock;
    private final CurrencyUnit reportingCurrency;

    ExchangeRateService(ExchangeRateRepository rates, FinanceProperties properties, Clock clock) {
        this.rates = rates;
        this.clock = clock;
        this.reportingCurrency = currency(properties.getReportingCurrency()).orElseThrow(() -> new IllegalStateException(
                "relocation.finance.reporting-currency: " + properties.getReportingCurrency() + " is not an ISO 4217 currency code"));
    }

    /** The currency finance reports in ({@code relocation.finance.reporting-currency}, default EUR); cross rates go through it. */
    public CurrencyUnit reportingCurrency() {
        return reportingCurrency;
    }

    /**
     * The ISO 4217 currency of a code: three capital letters, known to Moneta ({@link Monetary#isCurrencyAvailable})
     * and with minor units (not a metal, fund or test code such as XAU, XDR or XXX).
     */
    public static Optional<CurrencyUnit> currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}") || !Monetary.isCurrencyAvailable(code)) {
            return Optional.empty();
        }
        CurrencyUnit unit = Monetary.getCurrency(code);
        return unit.getDefaultFractionDigits() < 0 ? Optional.empty() : Optional.of(unit);
    }

    // ---------------------------------------------------------------------------------------------------- loading

    /**
     * Loads a batch of rates from one source (e.g. "ECB reference rates 2026-10-01"), loaded by a user. Every row is
     * checked before anything is written; if any is bad, {@link InvalidExchangeRatesException} names each bad field
     * ({@code source}, {@code rates}, {@code rates[2].quoteCurrency}, ...) and nothing is written.
     *
     * @return the rows written, in the order given
     */
    @Transactional
    public List<ExchangeRate> load(String source, List<RateRow> rows, String loadedBy) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (source == null || source.isBlank()) {
            errors.put("source", "is required (where the rates come from, e.g. ECB reference rates 2026-10-01)");
        } else if (source.length() > ExchangeRate.SOURCE_MAX || source.chars().anyMatch(ch -> ch < 0x20)) {
            errors.put("source", "must be at most " + ExchangeRate.SOURCE_MAX + " characters on one line");
        }
        if (loadedBy == null || loadedBy.isBlank() || loadedBy.length() > LOADED_BY_MAX) {
            throw new IllegalArgumentException("loadedBy must name the user loading the rates (at most " + LOADED_BY_MAX + " characters)");
        }
        if (rows == null || rows.isEmpty()) {
            errors.put("rates", "must list at least one rate");
        } else if (rows.size() > MAX_ROWS) {
            errors.put("rates", "must list at most " + MAX_ROWS + " rates per load");
        } else {
            LocalDate latest = LocalDate.now(clock).plusYears(1);
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                checkRow(i, rows.get(i), latest, seen, errors);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidExchangeRatesException(errors);
        }
        Instant now = clock.instant();
        List<ExchangeRate> created = new ArrayList<>();
        for (RateRow r : rows) {
            created.add(new ExchangeRate(r.baseCurrency(), r.quoteCurrency(), normalize(r.rate()), r.effectiveFrom(),
                    source.strip(), loadedBy, now));
        }
        List<ExchangeRate> saved = rates.saveAll(created);
        rates.flush(); // a concurrent load of the same row fails here, inside this transaction (unique key)
        return saved;
    }

    private void checkRow(int i, RateRow row, LocalDate latest, Map<String, Integer> seen, Map<String, String> errors) {
        String at = "rates[" + i + "]";
        if (row == null) {
            errors.put(at, "is required");
            return;
        }
        Optional<CurrencyUnit> base = checkCurrency(at + ".baseCurrency", row.baseCurrency(), errors);
        Optional<CurrencyUnit> quote = checkCurrency(at + ".quoteCurrency", row.quoteCurrency(), errors);
        if (base.isPresent() && base.equals(quote)) {
            errors.put(at + ".quoteCurrency", "must differ from baseCurrency");
        }
        BigDecimal rate = row.rate();
        if (rate == null) {
            errors.put(at + ".rate", "is required (a decimal number: 1 baseCurrency = rate quoteCurrency)");
        } else if (rate.signum() <= 0) {
            errors.put(at + ".rate", "must be greater than 0");
        } else if (rate.compareTo(MAX_RATE) > 0) {
            errors.put(at + ".rate", "must be at most " + MAX_RATE.toPlainString() + " (check base and quote)");
        } else if (rate.stripTrailingZeros().scale() > MAX_DECIMALS) {
            errors.put(at + ".rate", "must have at most " + MAX_DECIMALS + " decimal places");
        }
        LocalDate from = row.effectiveFrom();
        if (from == null) {
            errors.put(at + ".effectiveFrom", "is required (YYYY-MM-DD)");
        } else if (from.isAfter(latest)) {
            errors.put(at + ".effectiveFrom", "must be at most one year ahead (on or before " + latest + ")");
        } else if (from.isBefore(EARLIEST)) {
            errors.put(at + ".effectiveFrom", "must not be before " + EARLIEST);
        } else if (base.isPresent() && quote.isPresent() && !base.equals(quote)) {
            String key = row.baseCurrency() + "/" + row.quoteCurrency() + "@" + from;
            Integer first = seen.putIfAbsent(key, i);
            if (first != null) {
                errors.put(at + ".effectiveFrom", "repeats rates[" + first + "]: one " + row.baseCurrency() + "/"
                        + row.quoteCurrency() + " rate per effective date");
            } else if (rates.existsByBaseCurrencyAndQuoteCurrencyAndEffectiveFrom(row.baseCurrency(), row.quoteCurrency(), from)) {
                errors.put(at + ".effectiveFrom", "already has a " + row.baseCurrency() + "/" + row.quoteCurrency()
                        + " rate loaded; loaded rates are never changed (load the new rate with a later effective date)");
            }
        }
    }

    private static Optional<CurrencyUnit> checkCurrency(String field, String code, Map<String, String> errors) {
        if (code == null || code.isBlank()) {
            errors.put(field, "is required (an ISO 4217 currency code such as EUR)");
            return Optional.empty();
        }
        Optional<CurrencyUnit> unit = currency(code);
        if (unit.isEmpty()) {
            errors.put(field, "is not an ISO 4217 currency code (three capital letters, such as EUR)");
        }
        return unit;
    }

    /** Whether a rate of the pair with that effective date was loaded already (loads are not repeated). */
    @Transactional(readOnly = true)
    public boolean isLoaded(CurrencyUnit base, CurrencyUnit quote, LocalDate effectiveFrom) {
        return rates.existsByBaseCurrencyAndQuoteCurrencyAndEffectiveFrom(base.getCurrencyCode(), quote.getCurrencyCode(), effectiveFrom);
    }

    /** The rates loaded from a base currency, newest effective date first (then by quote currency). */
    @Transactional(readOnly = true)
    public Page<ExchangeRate> history(CurrencyUnit base, int page, int size) {
        return rates.findByBaseCurrencyOrderByEffectiveFromDescQuoteCurrencyAscIdDesc(base.getCurrencyCode(), PageRequest.of(page, size));
    }

    // ---------------------------------------------------------------------------------------------------- using

    /**
     * The rate from one currency to another in effect on a day: the pair's latest row effective on or before the day;
     * else the inverse pair's (1 / rate, {@link MathContext#DECIMAL64}); else a cross rate through the reporting
     * currency (each leg direct or inverse, multiplied with DECIMAL64). The same currency: rate 1.
     *
     * @throws MissingExchangeRateException when none of these is in effect on that day
     */
    @Transactional(readOnly = true, noRollbackFor = RuntimeException.class) // a query: its failure (no rate, no table) must not doom the caller's transaction
    public AppliedRate rate(CurrencyUnit from, CurrencyUnit to, LocalDate on) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(on, "on");
        if (from.equals(to)) {
            return new AppliedRate(from, to, BigDecimal.ONE, null, on);
        }
        return directOrInverse(from, to, on)
                .or(() -> cross(from, to, on))
                .orElseThrow(() -> new MissingExchangeRateException(from, to, on, reportingCurrency));
    }

    /** Whether a rate from one currency to another (direct, inverse or cross) is in effect on a day. */
    @Transactional(readOnly = true)
    public boolean hasRate(CurrencyUnit from, CurrencyUnit to, LocalDate on) {
        return from.equals(to) || directOrInverse(from, to, on).or(() -> cross(from, to, on)).isPresent();
    }

    /**
     * Converts an amount into another currency with the rate in effect on a day ({@link #rate}). The product is exact
     * ({@link BigDecimal}, never double) and is then rounded once to the target currency's minor units
     * ({@link CurrencyUnit#getDefaultFractionDigits()}: EUR 2, JPY 0, BHD 3) with {@link RoundingMode#HALF_EVEN}.
     *
     * @throws MissingExchangeRateException when no rate is in effect on that day
     */
    @Transactional(readOnly = true, noRollbackFor = RuntimeException.class) // a query: its failure (no rate, no table) must not doom the caller's transaction
    public Conversion convert(MonetaryAmount amount, CurrencyUnit to, LocalDate on) {
        Objects.requireNonNull(amount, "amount");
        AppliedRate rate = rate(amount.getCurrency(), to, on);
        BigDecimal value = amount.getNumber().numberValueExact(BigDecimal.class);
        BigDecimal converted = value.multiply(rate.rate()).setScale(to.getDefaultFractionDigits(), RoundingMode.HALF_EVEN);
        return new Conversion(Money.of(converted, to), rate);
    }

    /**
     * {@link #convert(MonetaryAmount, CurrencyUnit, LocalDate)} for an amount in a currency given by its code: the
     * converted amount at the target currency's scale (Moneta's amounts drop trailing zeros).
     */
    @Transactional(readOnly = true, noRollbackFor = RuntimeException.class) // a query: its failure (no rate, no table) must not doom the caller's transaction
    public BigDecimal convert(BigDecimal amount, String fromCurrency, CurrencyUnit to, LocalDate on) {
        return convert(Money.of(amount, Monetary.getCurrency(fromCurrency)), to, on).converted().getNumber().numberValueExact(BigDecimal.class)
                .setScale(to.getDefaultFractionDigits(), RoundingMode.HALF_EVEN);
    }

    private Optional<AppliedRate> directOrInverse(CurrencyUnit from, CurrencyUnit to, LocalDate on) {
        return inEffect(from, to, on)
                .map(r -> new AppliedRate(from, to, normalize(r.getRate()), r.getEffectiveFrom(), on))
                .or(() -> inEffect(to, from, on).map(r -> new AppliedRate(from, to,
                        normalize(BigDecimal.ONE.divide(r.getRate(), MathContext.DECIMAL64)), r.getEffectiveFrom(), on)));
    }

    private Optional<AppliedRate> cross(CurrencyUnit from, CurrencyUnit to, LocalDate on) {
        if (from.equals(reportingCurrency) || to.equals(reportingCurrency)) {
            return Optional.empty(); // a leg would be the pair itself, already looked for
        }
        return directOrInverse(from, reportingCurrency, on).flatMap(first -> directOrInverse(reportingCurrency, to, on)
                .map(second -> new AppliedRate(from, to, normalize(first.rate().multiply(second.rate(), MathContext.DECIMAL64)),
                        first.effectiveFrom().isAfter(second.effectiveFrom()) ? first.effectiveFrom() : second.effectiveFrom(), on)));
    }

    private Optional<ExchangeRate> inEffect(CurrencyUnit base, CurrencyUnit quote, LocalDate on) {
        return rates.findFirstByBaseCurrencyAndQuoteCurrencyAndEffectiveFromLessThanEqualOrderByEffectiveFromDesc(
                base.getCurrencyCode(), quote.getCurrencyCode(), on);
    }

    /** Without trailing zeros, and never in exponent form (160, not 1.6E+2). */
    private static BigDecimal normalize(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }
}
