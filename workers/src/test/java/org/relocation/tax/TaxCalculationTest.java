package org.relocation.tax;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.money.Monetary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Brackets, social-security ceilings, rounding to the minor unit (HALF_EVEN), hypothetical-tax withholding and the
 * iterative gross-up, table-driven with hand-computed cases in EUR, GBP, INR, JPY, SGD and BRL (docs/pay-and-tax.md
 * works the EUR ones through). The schedules are test tables, not any country's law.
 */
class TaxCalculationTest {

    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);

    /** 0 % to 10 000, 20 % to 50 000, 40 % above; social security 10 % up to 60 000. */
    static final TaxSchedule EUR = schedule("DE", "EUR", "0:0, 10000:0.20, 50000:0.40", "0.10", "60000");
    /** 0 / 20 / 40 / 45 %; social security 8 % up to 50 270. */
    static final TaxSchedule GBP = schedule("GB", "GBP", "0:0, 12570:0.20, 50270:0.40, 125140:0.45", "0.08", "50270");
    static final TaxSchedule INR = schedule("IN", "INR",
            "0:0, 400000:0.05, 800000:0.10, 1200000:0.15, 1600000:0.20, 2000000:0.25, 2400000:0.30", "0.12", "180000");
    /** No minor unit: amounts in whole yen. */
    static final TaxSchedule JPY = schedule("JP", "JPY", "0:0.05, 1950000:0.10, 3300000:0.20, 6950000:0.23", "0.15", "16000000");
    static final TaxSchedule SGD = schedule("SG", "SGD", "0:0, 20000:0.02, 30000:0.035, 40000:0.07, 80000:0.115", "0.20", "102000");
    static final TaxSchedule BRL = schedule("BR", "BRL", "0:0, 27110.40:0.075, 33919.80:0.15, 45012.60:0.225, 55976.16:0.275",
            "0.14", "97848");
    /** No ceiling. */
    static final TaxSchedule FR = schedule("FR", "EUR", "0:0, 11497:0.11, 29315:0.30", "0.22", null);

    static TaxSchedule schedule(String country, String currency, String brackets, String ssRate, String ceiling) {
        List<TaxBracket> list = new ArrayList<>();
        for (String b : brackets.split(",")) {
            String[] p = b.trim().split(":");
            list.add(new TaxBracket(new BigDecimal(p[0]), new BigDecimal(p[1])));
        }
        return new TaxSchedule(country, Monetary.getCurrency(currency), FROM, country + " test table", list, new BigDecimal(ssRate),
                ceiling == null ? null : new BigDecimal(ceiling));
    }

    static TaxSchedule byCurrency(String name) {
        return Map.of("EUR", EUR, "GBP", GBP, "INR", INR, "JPY", JPY, "SGD", SGD, "BRL", BRL, "FR", FR).get(name);
    }

    // ------------------------------------------------------------------------------------ income tax, social security

    @ParameterizedTest(name = "{0} {1}: income tax {2}, social security {3}, total {4}, marginal {5}")
    @CsvSource(delimiter = '|', value = {
            // table | income     | income tax | social sec. | total      | marginal
            "EUR     | 0          | 0.00       | 0.00        | 0.00       | 0.1",      // nothing earned, nothing due
            "EUR     | 8000       | 0.00       | 800.00      | 800.00     | 0.1",      // first bracket at 0 %
            "EUR     | 45000      | 7000.00    | 4500.00     | 11500.00   | 0.3",      // 20 % of 35 000
            "EUR     | 50000      | 8000.00    | 5000.00     | 13000.00   | 0.5",      // on a bound: the bracket starting there
            "EUR     | 62500      | 13000.00   | 6000.00     | 19000.00   | 0.4",      // 8 000 + 40 % of 12 500; ceiling 60 000
            "EUR     | 12345.67   | 469.13     | 1234.57     | 1703.70    | 0.3",      // 469.134, 1 234.567
            "EUR     | 10000.05   | 0.01       | 1000.00     | 1000.01    | 0.3",      // 1 000.005 → 1 000.00 (HALF_EVEN)
            "EUR     | 10000.15   | 0.03       | 1000.02     | 1000.05    | 0.3",      // 1 000.015 → 1 000.02 (HALF_EVEN)
            "FR      | 200000     | 53165.48   | 44000.00    | 97165.48   | 0.52",     // 1 959.98 + 51 205.50; no ceiling
            "GBP     | 30000      | 3486.00    | 2400.00     | 5886.00    | 0.28",
            "GBP     | 60000      | 11432.00   | 4021.60     | 15453.60   | 0.4",      // 7 540 + 3 892; ceiling 50 270
            "GBP     | 150000     | 48675.00   | 4021.60     | 52696.60   | 0.45",     // 7 540 + 29 948 + 11 187
            "INR     | 1000000    | 40000.00   | 21600.00    | 61600.00   | 0.1",
            "INR     | 2500000    | 330000.00  | 21600.00    | 351600.00  | 0.3",      // 20+40+60+80+100+30 thousand
            "JPY     | 5000000    | 572500     | 750000      | 1322500    | 0.35",     // 97 500 + 135 000 + 340 000
            "JPY     | 1234567    | 61728      | 185185      | 246913     | 0.2",      // 61 728.35, 185 185.05: whole yen
            "JPY     | 30         | 2          | 4           | 6          | 0.2",      // 1.5 → 2, 4.5 → 4 (HALF_EVEN)
            "SGD     | 100000     | 5650.00    | 20000.00    | 25650.00   | 0.315",    // 200 + 350 + 2 800 + 2 300
            "SGD     | 120000     | 7950.00    | 20400.00    | 28350.00   | 0.115",    // ceiling 102 000
            "BRL     | 120000     | 22247.98   | 13698.72    | 35946.70   | 0.275",    // 22 247.982; ceiling 97 848
    })
    void incomeTaxAndSocialSecurityFollowTheBracketsAndTheCeiling(String table, String income, String incomeTax, String socialSecurity,
                                                                   String total, String marginal) {
        TaxAssessment a = byCurrency(table).assess(new BigDecimal(income));
        assertThat(a.incomeTax()).isEqualTo(new BigDecimal(incomeTax));
        assertThat(a.socialSecurity()).isEqualTo(new BigDecimal(socialSecurity));
        assertThat(a.totalTax()).isEqualTo(new BigDecimal(total));
        assertThat(a.marginalRate()).isEqualByComparingTo(marginal);
        assertThat(a.incomeTax().scale()).as("the currency's minor unit").isEqualTo(a.currency().getDefaultFractionDigits());
    }

    // ------------------------------------------------------------------------------------------ hypothetical tax

    @ParameterizedTest(name = "{0} {1} over {2} periods: {3} each, the last {4}")
    @CsvSource(delimiter = '|', value = {
            "EUR | 45000   | 12 | 958.33   | 958.37",     // 11 500.00 / 12 = 958.333...
            "JPY | 5000000 | 12 | 110208   | 110212",     // 1 322 500 / 12 = 110 208.33...
            "GBP | 60000   | 26 | 594.37   | 594.35",     // 15 453.60 / 26 = 594.369...
            "INR | 2500000 | 1  | 351600.00 | 351600.00",
    })
    void theHypotheticalTaxIsWithheldInPeriodsThatAddUpExactly(String table, String salary, int periods, String each, String last) {
        HypotheticalTax hypo = new HypotheticalTax(byCurrency(table).assess(new BigDecimal(salary)), null);
        List<BigDecimal> withholding = hypo.withholdingPerPeriod(periods);
        assertThat(withholding).hasSize(periods);
        assertThat(withholding.get(0)).isEqualTo(new BigDecimal(each));
        assertThat(withholding.get(periods - 1)).isEqualTo(new BigDecimal(last));
        assertThat(withholding.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualTo(hypo.annualAmount());
        assertThat(hypo.annualAmount()).isEqualTo(hypo.assessment().totalTax());
    }

    // -------------------------------------------------------------------------------------------------- gross-up

    @ParameterizedTest(name = "{0}: {2} net on {1} → gross {3}")
    @CsvSource(delimiter = '|', value = {
            // table | base income | net allowance | gross      | tax on it | marginal at the end
            "EUR     | 20000       | 7000          | 10000.00   | 3000.00   | 0.3",   // one bracket: 7 000 / (1 − 0.30)
            "EUR     | 20000       | 1000          | 1428.57    | 428.57    | 0.3",   // 1 428.5714... rounded to the cent
            "EUR     | 45000       | 10000         | 17500.00   | 7500.00   | 0.4",   // crosses 50 000 and the 60 000 ceiling
            "EUR     | 45000       | 0             | 0.00       | 0.00      | 0.3",
            "GBP     | 45000       | 10000         | 15612.67   | 5612.67   | 0.4",   // 5 270 at 28 %, then 6 205.60 / 0.60
            "INR     | 1000000     | 100000        | 111111.11  | 11111.11  | 0.1",   // above the ceiling: 10 % only
            "JPY     | 5000000     | 650000        | 1000000    | 350000    | 0.35",  // whole yen
            "JPY     | 5000000     | 100000        | 153846     | 53846     | 0.35",  // 153 846.15 → 153 846
            "SGD     | 100000      | 5000          | 6101.69    | 1101.69   | 0.115", // 2 000 at 31.5 %, then 3 630 / 0.885
    })
    void aGrossUpLeavesTheNetAllowanceAfterTax(String table, String base, String net, String gross, String taxOnIt, String marginal) {
        TaxSchedule s = byCurrency(table);
        GrossUp g = new GrossUpCalculator().grossUp(s, new BigDecimal(base), new BigDecimal(net));
        assertThat(g.grossAllowance()).isEqualTo(new BigDecimal(gross));
        assertThat(g.taxOnAllowance()).isEqualTo(new BigDecimal(taxOnIt));
        assertThat(g.marginalRate()).isEqualByComparingTo(marginal);
        assertThat(g.iterations()).as("iterations").isBetween(1, 6);
        // what the employee keeps of the rounded gross is the net allowance, to within a minor unit
        BigDecimal b = new BigDecimal(base);
        BigDecimal kept = g.grossAllowance().subtract(s.totalTaxExact(b.add(g.grossAllowance())).subtract(s.totalTaxExact(b)));
        assertThat(kept.subtract(new BigDecimal(net)).abs()).isLessThanOrEqualTo(s.minorUnit());
    }

    @Test
    void aGrossUpIsNotAFlatLineAtTheStartingRate() {
        GrossUp g = new GrossUpCalculator().grossUp(EUR, new BigDecimal("45000"), new BigDecimal("10000"));
        BigDecimal flat = new BigDecimal("10000").divide(new BigDecimal("0.7"), 2, java.math.RoundingMode.HALF_EVEN); // 30 % at 45 000
        assertThat(g.grossAllowance()).isNotEqualByComparingTo(flat).isEqualByComparingTo("17500.00");
        assertThat(g.iterations()).as("the three steps of docs/pay-and-tax.md").isEqualTo(3);
    }

    @Test
    void aMarginalRateOfAHundredPercentOrMoreCannotBeGrossedUp() {
        TaxSchedule confiscatory = schedule("DE", "EUR", "0:0.70", "0.35", null);
        assertThatThrownBy(() -> new GrossUpCalculator().grossUp(confiscatory, new BigDecimal("45000"), new BigDecimal("10000")))
                .isInstanceOf(GrossUpNotConvergedException.class)
                .hasMessageContaining("DE").hasMessageContaining("2026-01-01").hasMessageContaining("100 %")
                .message().doesNotContain("45000").doesNotContain("10000");
    }

    @Test
    void aGrossUpThatDoesNotSettleWithinTheBoundStopsWithAClearError() {
        GrossUpCalculator oneStep = new GrossUpCalculator(1);
        assertThatThrownBy(() -> oneStep.grossUp(EUR, new BigDecimal("45000"), new BigDecimal("10000")))
                .isInstanceOf(GrossUpNotConvergedException.class)
                .hasMessageContaining("within 1 iterations")
                .message().doesNotContain("45000").doesNotContain("10000");
        assertThat(new GrossUpCalculator(3).grossUp(EUR, new BigDecimal("20000"), new BigDecimal("7000")).grossAllowance())
                .as("one bracket settles in two steps").isEqualByComparingTo("10000");
    }

    // ------------------------------------------------------------------------------------------------ settlement

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            // currency | approach      | hypo   | withheld | actual taxes (country:amount:paidBy)       | burden | amount | direction        | company cost
            "EUR | EQUALISATION  | 20000    | 18000    | DE:25000:COMPANY, GB:1000:COMPANY          | 20000.00  | 2000.00  | OWED_BY_EMPLOYEE | 6000.00",
            "EUR | EQUALISATION  | 20000    | 21500    | DE:30000:COMPANY                           | 20000.00  | 1500.00  | OWED_TO_EMPLOYEE | 10000.00",
            "EUR | EQUALISATION  | 20000    | 15000    | DE:8000:EMPLOYEE, GB:10000:COMPANY         | 20000.00  | 3000.00  | OWED_TO_EMPLOYEE | -2000.00",
            "EUR | EQUALISATION  | 20000    | 20000    | DE:26000:COMPANY                           | 20000.00  | 0.00     | NONE             | 6000.00",
            "EUR | PROTECTION    | 20000    | 20000    | DE:14000:COMPANY                           | 14000.00  | 6000.00  | OWED_TO_EMPLOYEE | 0.00",
            "EUR | PROTECTION    | 20000    | 20000    | DE:26000:COMPANY                           | 20000.00  | 0.00     | NONE             | 6000.00",
            "INR | PROTECTION    | 351600   | 300000   | IN:320000:COMPANY                          | 320000.00 | 20000.00 | OWED_BY_EMPLOYEE | 0.00",
            "EUR | LAISSEZ_FAIRE |          | 0        | DE:26000:EMPLOYEE                          | 26000.00  | 0.00     | NONE             | 0.00",
            "GBP | EQUALISATION  | 15453.60 | 15000.005 | GB:9000.125:COMPANY, DE:12000:COMPANY     | 15453.60  | 453.60   | OWED_BY_EMPLOYEE | 5546.52",
            "JPY | EQUALISATION  | 1322500  | 1322400.5 | JP:400000:COMPANY, SG:1200000.5:COMPANY   | 1322500   | 100      | OWED_BY_EMPLOYEE | 277500",
    })
    void theSettlementSquaresWhatTheEmployeeBoreWithTheirBurden(String currency, TaxApproach approach, String hypo, String withheld,
                                                               String actual, String burden, String amount, SettlementDirection direction,
                                                               String companyCost) {
        List<ActualTax> taxes = new ArrayList<>();
        for (String t : actual.split(",")) {
            String[] p = t.trim().split(":");
            taxes.add(new ActualTax(p[0], new BigDecimal(p[1]), ActualTax.PaidBy.valueOf(p[2])));
        }
        TaxSettlement s = new TaxSettlementCalculator().settle(2027, approach, Monetary.getCurrency(currency),
                hypo == null ? null : new BigDecimal(hypo), new BigDecimal(withheld), taxes);
        assertThat(s.employeeTaxBurden()).isEqualTo(new BigDecimal(burden));
        assertThat(s.amount()).isEqualTo(new BigDecimal(amount));
        assertThat(s.direction()).isEqualTo(direction);
        assertThat(s.companyTaxCost()).isEqualTo(new BigDecimal(companyCost));
        assertThat(s.taxYear()).isEqualTo(2027);
        assertThat(s.actualTaxes()).isEqualTo(s.actualTaxesPaidByCompany().add(s.actualTaxesPaidByEmployee()));
    }

    @Test
    void aBadSettlementInputNamesEachFieldAndNoAmount() {
        TaxSettlementCalculator calculator = new TaxSettlementCalculator();
        assertThatThrownBy(() -> calculator.settle(2027, TaxApproach.LAISSEZ_FAIRE, Monetary.getCurrency("EUR"), null,
                new BigDecimal("1234.56"), List.of(new ActualTax("DE", new BigDecimal("-98765.43"), null))))
                .isInstanceOfSatisfying(InvalidTaxCalculationException.class, e -> assertThat(e.getFieldErrors()).containsOnlyKeys(
                        "hypotheticalTaxWithheld", "actualTaxes[0].amount", "actualTaxes[0].paidBy"))
                .message().doesNotContain("1234").doesNotContain("98765");
        assertThatThrownBy(() -> calculator.settle(1900, TaxApproach.EQUALISATION, Monetary.getCurrency("EUR"), null, null, null))
                .isInstanceOfSatisfying(InvalidTaxCalculationException.class, e -> assertThat(e.getFieldErrors()).containsOnlyKeys(
                        "taxYear", "hypotheticalTax", "hypotheticalTaxWithheld", "actualTaxes"));
    }
}
