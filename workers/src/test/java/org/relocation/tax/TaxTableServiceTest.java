package org.relocation.tax;

import org.javamoney.moneta.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relocation.fx.ExchangeRateService;
import org.relocation.fx.FinanceProperties;
import org.relocation.fx.RateRow;

import javax.money.Monetary;
import java.lang.reflect.Constructor;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Loading tax tables all-or-nothing (each bad field named, nothing written), reading the table in effect on a day, and
 * the calculation service over them (a salary converted at the day's rate for the hypothetical tax).
 */
class TaxTableServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T09:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    private static final LocalDate JAN27 = LocalDate.of(2027, 1, 1);

    private InMemoryTaxTables rows;
    private TaxTableService service;

    @BeforeEach
    void setUp() {
        rows = new InMemoryTaxTables();
        service = new TaxTableService(rows, CLOCK);
    }

    static TaxTableRow de(LocalDate from, String topRate) {
        return new TaxTableRow("DE", "EUR", from, "DE test " + from.getYear(), List.of(
                new TaxBracket(BigDecimal.ZERO, BigDecimal.ZERO),
                new TaxBracket(new BigDecimal("10000"), new BigDecimal("0.20")),
                new TaxBracket(new BigDecimal("50000"), new BigDecimal(topRate))), new BigDecimal("0.10"), new BigDecimal("60000"));
    }

    @Test
    void theTableInEffectIsTheLatestOnOrBeforeTheDay() {
        service.load("test", List.of(de(JAN, "0.40"), de(JAN27, "0.42")), "finance");
        assertThat(service.inEffect("DE", JAN27.minusDays(1)).getEffectiveFrom()).isEqualTo(JAN);
        assertThat(service.inEffect("DE", JAN27).getBrackets().get(2).rate()).isEqualByComparingTo("0.42");
        assertThat(service.inEffect("DE", JAN27.plusMonths(5)).getEffectiveFrom()).isEqualTo(JAN27);
        TaxTable t = service.inEffect("DE", JAN);
        assertThat(t.getSocialSecurityCeiling()).isEqualByComparingTo("60000");
        assertThat(t.getLoadedBy()).isEqualTo("finance");
        assertThat(t.getSource()).isEqualTo("test");
        assertThatThrownBy(() -> service.inEffect("DE", JAN.minusDays(1))).isInstanceOf(MissingTaxTableException.class)
                .hasMessageContaining("DE").hasMessageContaining("2025-12-31");
        assertThatThrownBy(() -> service.inEffect("FR", JAN)).isInstanceOf(MissingTaxTableException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "tables[1].country                       | country lower case",
            "tables[1].currency                      | not the country's currency",
            "tables[1].effectiveFrom                 | more than a year ahead",
            "tables[1].name                          | blank name",
            "tables[1].brackets                      | no brackets",
            "tables[1].brackets[0].lowerBound        | first bracket not from 0",
            "tables[1].brackets[2].lowerBound        | bounds not rising",
            "tables[1].brackets[1].lowerBound        | more decimals than the currency",
            "tables[1].brackets[2].rate              | rate falls",
            "tables[1].brackets[1].rate              | rate of 100 %",
            "tables[1].brackets[1].rate              | rate with 7 decimals",
            "tables[1].socialSecurity.employeeRate   | no social-security rate",
            "tables[1].socialSecurity.annualCeiling  | ceiling 0",
            "tables[1].effectiveFrom                 | repeats tables[0]",
    })
    void aBadFieldIsNamedAndNothingIsWritten(String field, String what) {
        TaxTableRow good = de(JAN, "0.40");
        TaxTableRow bad = switch (what) {
            case "country lower case" -> with(de(JAN27, "0.42"), r -> new TaxTableRow("de", r.currency(), r.effectiveFrom(), r.name(), r.brackets(), r.socialSecurityRate(), r.socialSecurityCeiling()));
            case "not the country's currency" -> with(de(JAN27, "0.42"), r -> new TaxTableRow("DE", "GBP", r.effectiveFrom(), r.name(), r.brackets(), r.socialSecurityRate(), r.socialSecurityCeiling()));
            case "more than a year ahead" -> de(LocalDate.of(2028, 1, 1), "0.42");
            case "blank name" -> with(de(JAN27, "0.42"), r -> new TaxTableRow("DE", "EUR", r.effectiveFrom(), " ", r.brackets(), r.socialSecurityRate(), r.socialSecurityCeiling()));
            case "no brackets" -> brackets(List.of());
            case "first bracket not from 0" -> brackets(List.of(new TaxBracket(BigDecimal.ONE, BigDecimal.ZERO)));
            case "bounds not rising" -> brackets(List.of(b("0", "0"), b("10000", "0.2"), b("10000", "0.3")));
            case "more decimals than the currency" -> brackets(List.of(b("0", "0"), b("10000.005", "0.2")));
            case "rate falls" -> brackets(List.of(b("0", "0"), b("10000", "0.3"), b("20000", "0.2")));
            case "rate of 100 %" -> brackets(List.of(b("0", "0"), b("10000", "1")));
            case "rate with 7 decimals" -> brackets(List.of(b("0", "0"), b("10000", "0.1234567")));
            case "no social-security rate" -> with(de(JAN27, "0.42"), r -> new TaxTableRow("DE", "EUR", r.effectiveFrom(), r.name(), r.brackets(), null, r.socialSecurityCeiling()));
            case "ceiling 0" -> with(de(JAN27, "0.42"), r -> new TaxTableRow("DE", "EUR", r.effectiveFrom(), r.name(), r.brackets(), r.socialSecurityRate(), BigDecimal.ZERO));
            case "repeats tables[0]" -> de(JAN, "0.42");
            default -> throw new IllegalArgumentException(what);
        };
        List<TaxTableRow> load = new ArrayList<>(List.of(good, bad));
        assertThatThrownBy(() -> service.load("test", load, "finance"))
                .isInstanceOfSatisfying(InvalidTaxTablesException.class, e -> assertThat(e.getFieldErrors()).containsOnlyKeys(field))
                .message().doesNotContain("10000");
        assertThat(rows.rows).as("nothing written, not even the good table").isEmpty();
    }

    @Test
    void aTableAlreadyLoadedIsNeverChangedAndAnEmptyLoadIsRefused() {
        service.load("test", List.of(de(JAN, "0.40")), "finance");
        assertThatThrownBy(() -> service.load("again", List.of(de(JAN, "0.45")), "finance"))
                .isInstanceOfSatisfying(InvalidTaxTablesException.class, e -> assertThat(e.getFieldErrors())
                        .containsOnlyKeys("tables[0].effectiveFrom"));
        assertThatThrownBy(() -> service.load(" ", List.of(), "finance"))
                .isInstanceOfSatisfying(InvalidTaxTablesException.class, e -> assertThat(e.getFieldErrors()).containsOnlyKeys("source", "tables"));
        assertThat(rows.rows).hasSize(1);
        assertThat(service.inEffect("DE", JAN).getBrackets().get(2).rate()).isEqualByComparingTo("0.40");
    }

    @Test
    void theCalculationServiceUsesTheTableInEffectAndConvertsAForeignSalary() throws Exception {
        service.load("test", List.of(de(JAN, "0.40"), de(JAN27, "0.42")), "finance");
        ExchangeRateService fx = exchangeRates();
        fx.load("test", List.of(new RateRow("EUR", "GBP", new BigDecimal("0.8"), JAN)), "finance");
        TaxCalculationService calc = new TaxCalculationService(service, fx);

        HypotheticalTax inEur = calc.hypotheticalTax("DE", Money.of(new BigDecimal("62500"), "EUR"), LocalDate.of(2026, 6, 30));
        assertThat(inEur.annualAmount()).isEqualByComparingTo("19000.00"); // 13 000 + 6 000 (TaxCalculationTest)
        assertThat(inEur.conversion()).isNull();
        HypotheticalTax in2027 = calc.hypotheticalTax("DE", Money.of(new BigDecimal("62500"), "EUR"), JAN27);
        assertThat(in2027.assessment().incomeTax()).as("42 %% from 2027").isEqualByComparingTo("13250.00");
        assertThat(in2027.assessment().tableEffectiveFrom()).isEqualTo(JAN27);

        // 50 000 GBP at 0.8 GBP per EUR = 62 500 EUR
        HypotheticalTax inGbp = calc.hypotheticalTax("DE", Money.of(new BigDecimal("50000"), "GBP"), LocalDate.of(2026, 6, 30));
        assertThat(inGbp.assessment().taxableIncome()).isEqualByComparingTo("62500.00");
        assertThat(inGbp.annualAmount()).isEqualByComparingTo("19000.00");
        assertThat(inGbp.conversion().rate()).isEqualByComparingTo("1.25");

        GrossUp g = calc.grossUp("DE", Money.of(new BigDecimal("45000"), "EUR"), Money.of(new BigDecimal("10000"), "EUR"), JAN);
        assertThat(g.grossAllowance()).isEqualByComparingTo("17500.00");
        assertThatThrownBy(() -> calc.grossUp("DE", Money.of(new BigDecimal("45000"), "GBP"), Money.of(new BigDecimal("10000"), "EUR"), JAN))
                .isInstanceOfSatisfying(InvalidTaxCalculationException.class, e -> assertThat(e.getFieldErrors()).containsOnlyKeys("baseIncome"));
        assertThatThrownBy(() -> calc.hypotheticalTax("FR", Money.of(BigDecimal.TEN, "EUR"), JAN)).isInstanceOf(MissingTaxTableException.class);
        assertThat(calc.assess("DE", Money.of(new BigDecimal("45000"), "EUR"), JAN).totalTax()).isEqualByComparingTo("11500.00");
    }

    private static ExchangeRateService exchangeRates() throws Exception {
        Class<?> repo = Class.forName("org.relocation.fx.InMemoryExchangeRates");
        Constructor<?> c = repo.getDeclaredConstructor();
        c.setAccessible(true);
        Constructor<ExchangeRateService> s = ExchangeRateService.class.getDeclaredConstructor(
                org.relocation.fx.ExchangeRateRepository.class, FinanceProperties.class, Clock.class);
        s.setAccessible(true);
        return s.newInstance(c.newInstance(), new FinanceProperties(), CLOCK);
    }

    private static TaxTableRow with(TaxTableRow r, UnaryOperator<TaxTableRow> change) {
        return change.apply(r);
    }

    private static TaxTableRow brackets(List<TaxBracket> brackets) {
        return new TaxTableRow("DE", "EUR", JAN27, "DE test", brackets, new BigDecimal("0.1"), null);
    }

    private static TaxBracket b(String lower, String rate) {
        return new TaxBracket(new BigDecimal(lower), new BigDecimal(rate));
    }
}
