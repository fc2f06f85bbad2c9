package org.relocation.fx;

import org.javamoney.moneta.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.money.CurrencyUnit;
import javax.money.Monetary;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Effective dating, inverse and cross rates, rounding to minor units, and the all-or-nothing validation of a load. */
class ExchangeRateServiceTest {

    private static final CurrencyUnit EUR = Monetary.getCurrency("EUR");
    private static final CurrencyUnit USD = Monetary.getCurrency("USD");
    private static final CurrencyUnit GBP = Monetary.getCurrency("GBP");
    private static final CurrencyUnit JPY = Monetary.getCurrency("JPY");
    private static final CurrencyUnit BHD = Monetary.getCurrency("BHD");
    private static final CurrencyUnit SGD = Monetary.getCurrency("SGD");
    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    private static final LocalDate OCT = LocalDate.of(2026, 10, 1);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T09:00:00Z"), ZoneOffset.UTC);

    private InMemoryExchangeRates rows;
    private ExchangeRateService service;

    @BeforeEach
    void setUp() {
        rows = new InMemoryExchangeRates();
        service = service("EUR");
    }

    private ExchangeRateService service(String reportingCurrency) {
        FinanceProperties p = new FinanceProperties();
        p.setReportingCurrency(reportingCurrency);
        return new ExchangeRateService(rows, p, CLOCK);
    }

    private void load(String base, String quote, String rate, LocalDate from) {
        service.load("test", List.of(new RateRow(base, quote, new BigDecimal(rate), from)), "finance");
    }

    private static void assertMoney(javax.money.MonetaryAmount actual, String amount, CurrencyUnit currency) {
        assertThat(actual.getCurrency()).isEqualTo(currency);
        assertThat(actual.getNumber().numberValueExact(BigDecimal.class)).isEqualByComparingTo(amount);
    }

    // ------------------------------------------------------------------------------------------- effective dating

    @Test
    void theRateInEffectIsTheLatestOnOrBeforeTheDay() {
        load("EUR", "USD", "1.0850", JAN);
        load("EUR", "USD", "1.1600", OCT);

        assertThat(service.rate(EUR, USD, OCT.minusDays(1))).isEqualTo(new AppliedRate(EUR, USD, new BigDecimal("1.085"), JAN, OCT.minusDays(1)));
        assertThat(service.rate(EUR, USD, OCT)).isEqualTo(new AppliedRate(EUR, USD, new BigDecimal("1.16"), OCT, OCT));
        assertThat(service.rate(EUR, USD, OCT.plusDays(1)).rate()).isEqualByComparingTo("1.16");
        assertThat(service.rate(EUR, USD, JAN).rate()).isEqualByComparingTo("1.085");
    }

    @Test
    void noRateBeforeTheFirstEffectiveDateIsAMissingRateNamingPairAndDate() {
        load("EUR", "USD", "1.0850", JAN);
        LocalDate before = JAN.minusDays(1);
        assertThatThrownBy(() -> service.rate(EUR, USD, before))
                .isInstanceOf(MissingExchangeRateException.class)
                .hasMessageContaining("EUR to USD").hasMessageContaining("2025-12-31")
                .satisfies(e -> {
                    MissingExchangeRateException m = (MissingExchangeRateException) e;
                    assertThat(m.getFrom()).isEqualTo(EUR);
                    assertThat(m.getTo()).isEqualTo(USD);
                    assertThat(m.getOn()).isEqualTo(before);
                });
        assertThatThrownBy(() -> service.rate(EUR, SGD, OCT)).isInstanceOf(MissingExchangeRateException.class);
        assertThatThrownBy(() -> service.convert(Money.of(100, "EUR"), SGD, OCT)).isInstanceOf(MissingExchangeRateException.class);
    }

    @Test
    void theSameCurrencyIsRateOne() {
        assertThat(service.rate(USD, USD, OCT)).isEqualTo(new AppliedRate(USD, USD, BigDecimal.ONE, null, OCT));
    }

    // --------------------------------------------------------------------------------------------- inverse, cross

    @Test
    void withoutThePairTheInversePairIsUsed() {
        load("EUR", "USD", "1.1600", OCT);
        AppliedRate r = service.rate(USD, EUR, OCT.plusDays(14));
        assertThat(r.base()).isEqualTo(USD);
        assertThat(r.quote()).isEqualTo(EUR);
        assertThat(r.rate()).isEqualByComparingTo(BigDecimal.ONE.divide(new BigDecimal("1.16"), MathContext.DECIMAL64));
        assertThat(r.effectiveFrom()).isEqualTo(OCT);
        assertMoney(service.convert(Money.of(new BigDecimal("1160.00"), "USD"), EUR, OCT).converted(), "1000.00", EUR);
    }

    @Test
    void thePairWinsOverItsInverse() {
        load("EUR", "USD", "1.1600", OCT);
        load("USD", "EUR", "0.9000", JAN);
        assertThat(service.rate(USD, EUR, OCT).rate()).isEqualByComparingTo("0.9");
        assertThat(service.rate(EUR, USD, OCT).rate()).isEqualByComparingTo("1.16");
        assertThat(service.rate(EUR, USD, JAN).rate()).as("before EUR/USD: the inverse of USD/EUR")
                .isEqualByComparingTo(BigDecimal.ONE.divide(new BigDecimal("0.9"), MathContext.DECIMAL64));
    }

    @Test
    void withoutPairOrInverseACrossRateThroughTheReportingCurrency() {
        load("EUR", "USD", "1.0800", JAN);
        load("EUR", "USD", "1.1600", OCT);
        load("GBP", "EUR", "1.2500", JAN); // a leg given the other way round: its inverse
        load("EUR", "SGD", "1.5000", JAN);

        AppliedRate usdSgd = service.rate(USD, SGD, OCT.plusDays(3));
        assertThat(usdSgd.rate()).isEqualByComparingTo(
                BigDecimal.ONE.divide(new BigDecimal("1.16"), MathContext.DECIMAL64).multiply(new BigDecimal("1.5"), MathContext.DECIMAL64));
        assertThat(usdSgd.effectiveFrom()).as("the later leg's effective date").isEqualTo(OCT);
        assertThat(service.rate(USD, SGD, OCT.minusDays(1)).effectiveFrom()).isEqualTo(JAN);

        AppliedRate gbpSgd = service.rate(GBP, SGD, OCT);
        assertThat(gbpSgd.rate()).isEqualByComparingTo("1.875");
        assertMoney(service.convert(Money.of(100, "GBP"), SGD, OCT).converted(), "187.50", SGD);
    }

    @Test
    void crossRatesGoThroughTheConfiguredReportingCurrency() {
        service = service("USD");
        load("USD", "GBP", "0.8000", JAN);
        load("USD", "JPY", "150", JAN);
        assertThat(service.reportingCurrency()).isEqualTo(USD);
        assertThat(service.rate(GBP, JPY, OCT).rate()).isEqualByComparingTo("187.5");
        assertThatThrownBy(() -> service("EUR").rate(GBP, JPY, OCT)).isInstanceOf(MissingExchangeRateException.class)
                .hasMessageContaining("through EUR");
    }

    @Test
    void theReportingCurrencyMustBeAnIsoCurrency() {
        assertThat(service("EUR").reportingCurrency()).isEqualTo(EUR);
        assertThatThrownBy(() -> service("EURO")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("relocation.finance.reporting-currency");
    }

    // ------------------------------------------------------------------------------------------------- rounding

    @ParameterizedTest(name = "{0} {1} x {2} = {3} {4}")
    @CsvSource({
            // EUR, 2 decimals: half to even
            "EUR, 10.005, 1, 10.00, EUR",
            "EUR, 10.015, 1, 10.02, EUR",
            "USD, 10.00, 1.0005, 10.00, EUR",
            "USD, 10.00, 1.0015, 10.02, EUR",
            // JPY, no decimals
            "EUR, 0.005, 100, 0, JPY",
            "EUR, 0.015, 100, 2, JPY",
            "EUR, 0.025, 100, 2, JPY",
            "EUR, 1.01, 160.5, 162, JPY",
            // BHD, 3 decimals
            "EUR, 2.5, 0.001, 0.002, BHD",
            "EUR, 3.5, 0.001, 0.004, BHD",
            "EUR, 1.25, 0.4105, 0.513, BHD"})
    void conversionsRoundHalfEvenToTheTargetsMinorUnits(String from, String amount, String rate, String expected, String to) {
        if (!from.equals(to)) {
            load(from, to, rate, JAN);
        }
        Conversion c = service.convert(Money.of(new BigDecimal(amount), from), Monetary.getCurrency(to), OCT);
        BigDecimal converted = c.converted().getNumber().numberValueExact(BigDecimal.class);
        assertThat(c.converted().getCurrency().getCurrencyCode()).isEqualTo(to);
        assertThat(converted).isEqualByComparingTo(expected);
        assertThat(converted.scale()).as("rounded to minor units").isLessThanOrEqualTo(Monetary.getCurrency(to).getDefaultFractionDigits());
        assertThat(c.rate().on()).isEqualTo(OCT);
    }

    @Test
    void theConversionRecordsTheRateUsed() {
        load("EUR", "JPY", "160.5", JAN);
        load("EUR", "JPY", "172.25", OCT);
        Conversion c = service.convert(Money.of(new BigDecimal("1234.56"), "EUR"), JPY, OCT.plusDays(1));
        assertMoney(c.converted(), "212653", JPY); // 212652.96 rounded
        assertThat(c.rate()).isEqualTo(new AppliedRate(EUR, JPY, new BigDecimal("172.25"), OCT, OCT.plusDays(1)));
    }

    // ------------------------------------------------------------------------------------------------ validation

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "rates[1].baseCurrency  | XYZ  | USD | 1.1         | 2026-11-01 | is not an ISO 4217 currency",
            "rates[1].baseCurrency  | eur  | USD | 1.1         | 2026-11-01 | is not an ISO 4217 currency",
            "rates[1].quoteCurrency | EUR  | XAU | 1.1         | 2026-11-01 | is not an ISO 4217 currency",
            "rates[1].quoteCurrency | EUR  | XXX | 1.1         | 2026-11-01 | is not an ISO 4217 currency",
            "rates[1].quoteCurrency | EUR  | US  | 1.1         | 2026-11-01 | is not an ISO 4217 currency",
            "rates[1].baseCurrency  | null | USD | 1.1         | 2026-11-01 | is required",
            "rates[1].quoteCurrency | EUR  | EUR | 1.1         | 2026-11-01 | must differ from baseCurrency",
            "rates[1].rate          | EUR  | USD | 0           | 2026-11-01 | must be greater than 0",
            "rates[1].rate          | EUR  | USD | -1.08       | 2026-11-01 | must be greater than 0",
            "rates[1].rate          | EUR  | USD | 1000000.01  | 2026-11-01 | must be at most 1000000",
            "rates[1].rate          | EUR  | USD | 1.12345678901 | 2026-11-01 | at most 10 decimal places",
            "rates[1].rate          | EUR  | USD | null        | 2026-11-01 | is required",
            "rates[1].effectiveFrom | EUR  | USD | 1.1         | null       | is required",
            "rates[1].effectiveFrom | EUR  | USD | 1.1         | 2027-11-27 | at most one year ahead",
            "rates[1].effectiveFrom | EUR  | USD | 1.1         | 1969-12-31 | must not be before 1970-01-01"})
    void aBadRowIsNamedAndNothingOfTheBatchIsWritten(String field, String base, String quote, String rate, String from, String message) {
        List<RateRow> batch = List.of(
                new RateRow("EUR", "GBP", new BigDecimal("0.87"), OCT),
                new RateRow(base, quote, rate == null ? null : new BigDecimal(rate), from == null ? null : LocalDate.parse(from)),
                new RateRow("EUR", "CHF", new BigDecimal("0.93"), OCT));
        assertThatThrownBy(() -> service.load("ECB", batch, "finance"))
                .isInstanceOfSatisfying(InvalidExchangeRatesException.class, e -> {
                    assertThat(e.getFieldErrors()).containsOnlyKeys(field);
                    assertThat(e.getFieldErrors().get(field)).contains(message);
                });
        assertThat(rows.count()).isZero();
    }

    @Test
    void theLimitsThemselvesAreAccepted() {
        List<RateRow> batch = List.of(
                new RateRow("EUR", "VND", new BigDecimal("1000000"), JAN),
                new RateRow("VND", "EUR", new BigDecimal("0.0000000001"), JAN),
                new RateRow("EUR", "USD", new BigDecimal("1.1234567890000"), LocalDate.of(2027, 11, 26)));
        assertThat(service.load("ECB", batch, "finance")).hasSize(3)
                .allSatisfy(r -> {
                    assertThat(r.getSource()).isEqualTo("ECB");
                    assertThat(r.getLoadedBy()).isEqualTo("finance");
                    assertThat(r.getLoadedAt()).isEqualTo(CLOCK.instant());
                });
    }

    @Test
    void aPairAndDateRepeatedInTheBatchOrAlreadyLoadedIsRefused() {
        load("EUR", "USD", "1.16", OCT);
        List<RateRow> batch = List.of(
                new RateRow("EUR", "GBP", new BigDecimal("0.87"), OCT),
                new RateRow("EUR", "GBP", new BigDecimal("0.88"), OCT),
                new RateRow("EUR", "USD", new BigDecimal("1.17"), OCT),
                new RateRow("USD", "EUR", new BigDecimal("0.86"), OCT)); // the inverse pair is a pair of its own
        assertThatThrownBy(() -> service.load("ECB", batch, "finance"))
                .isInstanceOfSatisfying(InvalidExchangeRatesException.class, e -> {
                    assertThat(e.getFieldErrors()).containsOnlyKeys("rates[1].effectiveFrom", "rates[2].effectiveFrom");
                    assertThat(e.getFieldErrors().get("rates[1].effectiveFrom")).contains("repeats rates[0]");
                    assertThat(e.getFieldErrors().get("rates[2].effectiveFrom")).contains("already has a EUR/USD rate");
                });
        assertThat(rows.count()).isEqualTo(1);
        assertThat(service.rate(EUR, USD, OCT).rate()).isEqualByComparingTo("1.16");
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        List<RateRow> batch = new ArrayList<>();
        batch.add(new RateRow("EUR", "ABC", new BigDecimal("-1"), null));
        batch.add(null);
        assertThatThrownBy(() -> service.load(" ", batch, "finance"))
                .isInstanceOfSatisfying(InvalidExchangeRatesException.class, e -> assertThat(e.getFieldErrors()).containsOnlyKeys(
                        "source", "rates[0].quoteCurrency", "rates[0].rate", "rates[0].effectiveFrom", "rates[1]"));
        assertThatThrownBy(() -> service.load("ECB", List.of(), "finance"))
                .isInstanceOfSatisfying(InvalidExchangeRatesException.class, e -> assertThat(e.getFieldErrors()).containsOnlyKeys("rates"));
        assertThatThrownBy(() -> service.load("x".repeat(101), List.of(new RateRow("EUR", "USD", BigDecimal.ONE, OCT)), "finance"))
                .isInstanceOfSatisfying(InvalidExchangeRatesException.class, e -> assertThat(e.getFieldErrors()).containsOnlyKeys("source"));
        List<RateRow> tooMany = new ArrayList<>();
        for (int i = 0; i <= ExchangeRateService.MAX_ROWS; i++) {
            tooMany.add(new RateRow("EUR", "USD", BigDecimal.ONE, JAN.minusDays(i)));
        }
        assertThatThrownBy(() -> service.load("ECB", tooMany, "finance"))
                .isInstanceOfSatisfying(InvalidExchangeRatesException.class, e -> assertThat(e.getFieldErrors()).containsOnlyKeys("rates"));
        assertThat(rows.count()).isZero();
    }

    @Test
    void theHistoryListsABaseCurrencysRatesNewestFirst() {
        load("EUR", "USD", "1.08", JAN);
        load("EUR", "USD", "1.16", OCT);
        load("EUR", "GBP", "0.87", OCT);
        load("GBP", "EUR", "1.15", OCT);
        assertThat(service.history(EUR, 0, 10).getContent()).extracting(r -> r.getQuoteCurrency() + "@" + r.getEffectiveFrom())
                .containsExactly("GBP@2026-10-01", "USD@2026-10-01", "USD@2026-01-01");
        assertThat(service.isLoaded(EUR, USD, JAN)).isTrue();
        assertThat(service.isLoaded(USD, EUR, JAN)).isFalse();
    }
}
