package org.relocation.tax.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.relocation.tax.ActualTax;
import org.relocation.tax.GrossUp;
import org.relocation.tax.HypotheticalTax;
import org.relocation.tax.SettlementDirection;
import org.relocation.tax.TaxApproach;
import org.relocation.tax.TaxBracket;
import org.relocation.tax.TaxSettlement;
import org.relocation.tax.TaxTable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the tax API reads and writes. Amounts and rates are decimal numbers (a JSON number or a string such as "0.42");
 * rates are fractions (0.42 = 42 %); amounts are annual, in the currency named beside them.
 */
final class TaxViews {

    private TaxViews() {
    }

    private static final String RATE = "A fraction from 0 up to, not including, 1 (0.42 = 42 %), at most 6 decimals";

    // ------------------------------------------------------------------------------------------------- tax tables

    @Schema(name = "TaxTableLoad", requiredProperties = {"source", "tables"},
            description = "A batch of tax tables, all or nothing: any bad field is a 400 naming it (tables[1].brackets[2].rate) and nothing is written")
    record LoadRequest(@Schema(description = "Where the tables come from", minLength = 1, maxLength = 100,
                               example = "Finance tax desk, 2027 budget") String source,
                       @ArraySchema(minItems = 1, maxItems = 100) List<TableDefinition> tables) {
    }

    @Schema(name = "TaxTableDefinition", requiredProperties = {"country", "currency", "effectiveFrom", "name", "brackets", "socialSecurity"},
            description = "One country's table in effect from effectiveFrom until the country's next one")
    record TableDefinition(String country,
                           @Schema(description = "The country's own currency: bounds and ceiling are in it") String currency,
                           @Schema(description = "At most one year ahead; one table per country and day, never changed once loaded",
                                   example = "2027-01-01") LocalDate effectiveFrom,
                           @Schema(minLength = 1, maxLength = 100, example = "DE income tax 2027") String name,
                           @ArraySchema(minItems = 1, maxItems = 50, arraySchema = @Schema(description = "Lowest first: the first "
                                   + "from 0, lower bounds rising, rates never falling")) List<Bracket> brackets,
                           SocialSecurity socialSecurity) {
    }

    @Schema(name = "TaxBracket", requiredProperties = {"lowerBound", "rate"},
            description = "Income from lowerBound up to the next bracket's lowerBound is taxed at rate")
    record Bracket(@Schema(description = "Annual income, at most the currency's decimals", minimum = "0", maximum = "1000000000000",
                           example = "68481") BigDecimal lowerBound,
                   @Schema(description = RATE, minimum = "0", maximum = "0.999999", example = "0.42") BigDecimal rate) {
        static Bracket of(TaxBracket b) {
            return new Bracket(b.lowerBound(), b.rate());
        }
    }

    @Schema(name = "SocialSecurityRate", requiredProperties = {"employeeRate"},
            description = "The employee's social-security contributions: rate × the annual income up to the ceiling")
    record SocialSecurity(@Schema(description = RATE, minimum = "0", maximum = "0.999999", example = "0.2") BigDecimal employeeRate,
                          @JsonInclude(JsonInclude.Include.NON_NULL)
                          @Schema(description = "Greater than 0: the annual income above which nothing is due; absent where the country has no ceiling",
                                  exclusiveMinimum = true, minimum = "0", maximum = "1000000000000", example = "96600")
                          BigDecimal annualCeiling) {
    }

    @Schema(name = "TaxTablesLoaded", requiredProperties = {"loaded", "tables"})
    record Loaded(@Schema(minimum = "1", example = "2") int loaded, List<Table> tables) {
    }

    @Schema(name = "TaxTable", requiredProperties = {"id", "country", "currency", "effectiveFrom", "name", "source", "brackets",
            "socialSecurity", "loadedBy", "loadedAt"})
    record Table(long id, String country, String currency, LocalDate effectiveFrom,
                 @Schema(example = "DE income tax 2026 (illustrative)") String name,
                 @Schema(example = "Demo tax tables (illustrative, not tax advice)") String source,
                 List<Bracket> brackets, SocialSecurity socialSecurity,
                 @Schema(example = "finance") String loadedBy, Instant loadedAt) {
        static Table of(TaxTable t) {
            return new Table(t.getId(), t.getCountry(), t.getCurrency(), t.getEffectiveFrom(), t.getName(), t.getSource(),
                    t.getBrackets().stream().map(Bracket::of).toList(),
                    new SocialSecurity(t.getSocialSecurityRate(), t.getSocialSecurityCeiling()), t.getLoadedBy(), t.getLoadedAt());
        }
    }

    // ------------------------------------------------------------------------------------------------ calculations

    @Schema(name = "HypotheticalTaxRequest", requiredProperties = {"homeCountry", "annualSalary", "currency"},
            description = "The home-country salary of an equalised or protected employee")
    record HypotheticalTaxRequest(String homeCountry,
                                  @Schema(description = "Annual home-country salary; converted at the day's rate when not in the "
                                          + "home country's currency", minimum = "0", maximum = "1000000000000", example = "95000")
                                  BigDecimal annualSalary,
                                  @Schema(description = "The salary's currency") String currency,
                                  @Schema(description = "The day whose table (and rate) applies; default today (UTC)", example = "2027-03-01")
                                  LocalDate on) {
    }

    @Schema(name = "AppliedTaxExchangeRate", requiredProperties = {"baseCurrency", "quoteCurrency", "rate", "effectiveFrom"},
            description = "The exchange rate the salary was converted with: 1 baseCurrency = rate quoteCurrency")
    record AppliedRate(String baseCurrency, String quoteCurrency, @Schema(example = "1.1468") BigDecimal rate, LocalDate effectiveFrom) {
    }

    @Schema(name = "HypotheticalTaxResult", requiredProperties = {"country", "currency", "tableEffectiveFrom", "tableName", "taxableSalary",
            "incomeTax", "socialSecurity", "hypotheticalTax", "marginalRate", "monthlyWithholding"},
            description = "The tax the employee would have paid at home: income tax plus employee social security, in the home "
                    + "country's currency, rounded to its minor unit (HALF_EVEN)")
    record HypotheticalTaxResult(String country, String currency, LocalDate tableEffectiveFrom, String tableName,
                                 BigDecimal taxableSalary, BigDecimal incomeTax, BigDecimal socialSecurity,
                                 @Schema(description = "incomeTax + socialSecurity: the annual amount payroll withholds") BigDecimal hypotheticalTax,
                                 @Schema(description = "Income tax plus social security on the next unit of salary", example = "0.62")
                                 BigDecimal marginalRate,
                                 @ArraySchema(minItems = 12, maxItems = 12, arraySchema = @Schema(description = "The 12 monthly "
                                         + "withholdings; the last takes what rounding left, so they add up to hypotheticalTax"))
                                 List<BigDecimal> monthlyWithholding,
                                 @JsonInclude(JsonInclude.Include.NON_NULL)
                                 @Schema(description = "Absent when the salary was in the home country's currency") AppliedRate exchangeRate) {
        static HypotheticalTaxResult of(HypotheticalTax h) {
            var a = h.assessment();
            var r = h.conversion();
            return new HypotheticalTaxResult(a.country(), a.currency().getCurrencyCode(), a.tableEffectiveFrom(), a.tableName(),
                    a.taxableIncome(), a.incomeTax(), a.socialSecurity(), h.annualAmount(), a.marginalRate(), h.withholdingPerPeriod(12),
                    r == null ? null : new AppliedRate(r.base().getCurrencyCode(), r.quote().getCurrencyCode(), r.rate(), r.effectiveFrom()));
        }
    }

    @Schema(name = "GrossUpRequest", requiredProperties = {"country", "currency", "baseIncome", "netAllowance"},
            description = "A taxable allowance to gross up in the country where it is taxed")
    record GrossUpRequest(String country,
                          @Schema(description = "The country's currency") String currency,
                          @Schema(description = "The annual taxable income the allowance comes on top of (the salary)", minimum = "0",
                                  maximum = "1000000000000", example = "45000") BigDecimal baseIncome,
                          @Schema(description = "What the employee is to receive after tax", minimum = "0", maximum = "1000000000000",
                                  example = "10000") BigDecimal netAllowance,
                          @Schema(description = "The day whose table applies; default today (UTC)", example = "2027-03-01") LocalDate on) {
    }

    @Schema(name = "GrossUpResult", requiredProperties = {"country", "currency", "tableEffectiveFrom", "tableName", "baseIncome",
            "netAllowance", "grossAllowance", "taxOnAllowance", "marginalRate", "iterations"},
            description = "Paying grossAllowance on top of baseIncome leaves netAllowance after income tax and social security")
    record GrossUpResult(String country, String currency, LocalDate tableEffectiveFrom, String tableName, BigDecimal baseIncome,
                         BigDecimal netAllowance, @Schema(example = "17500.00") BigDecimal grossAllowance,
                         @Schema(description = "grossAllowance − netAllowance", example = "7500.00") BigDecimal taxOnAllowance,
                         @Schema(description = "At baseIncome + grossAllowance", example = "0.4") BigDecimal marginalRate,
                         @Schema(minimum = "1", maximum = "50", example = "3") int iterations) {
        static GrossUpResult of(GrossUp g) {
            return new GrossUpResult(g.country(), g.currency().getCurrencyCode(), g.tableEffectiveFrom(), g.tableName(), g.baseIncome(),
                    g.netAllowance(), g.grossAllowance(), g.taxOnAllowance(), g.marginalRate(), g.iterations());
        }
    }

    @Schema(name = "TaxSettlementRequest", requiredProperties = {"taxYear", "approach", "currency", "actualTaxes"},
            description = "One tax year's figures, all in currency (convert host taxes first)")
    record SettlementRequest(@Schema(minimum = "1970", maximum = "2200", example = "2027") Integer taxYear,
                             TaxApproach approach, String currency,
                             @Schema(description = "The final hypothetical tax of the year; required unless LAISSEZ_FAIRE", minimum = "0",
                                     maximum = "1000000000000", example = "20000") BigDecimal hypotheticalTax,
                             @Schema(description = "Hypothetical tax withheld through payroll during the year; must be 0 or absent under "
                                     + "LAISSEZ_FAIRE", minimum = "0", maximum = "1000000000000", example = "18000")
                             BigDecimal hypotheticalTaxWithheld,
                             @ArraySchema(maxItems = 20, arraySchema = @Schema(description = "The year's actual home and host taxes; "
                                     + "empty if none")) List<ActualTaxRow> actualTaxes) {
    }

    @Schema(name = "ActualTax", requiredProperties = {"country", "amount", "paidBy"})
    record ActualTaxRow(String country,
                        @Schema(minimum = "0", maximum = "1000000000000", example = "25000") BigDecimal amount,
                        @Schema(description = "COMPANY: paid on the employee's behalf; EMPLOYEE: withheld from their pay or paid by them")
                        ActualTax.PaidBy paidBy) {
    }

    @Schema(name = "TaxSettlementResult", requiredProperties = {"taxYear", "approach", "currency", "hypotheticalTax",
            "hypotheticalTaxWithheld", "actualTaxes", "actualTaxesPaidByCompany", "actualTaxesPaidByEmployee", "employeeTaxBurden",
            "employeeContribution", "amount", "direction", "companyTaxCost"},
            description = "burden (EQUALISATION: hypothetical; PROTECTION: lower of hypothetical and actual; LAISSEZ_FAIRE: actual) − "
                    + "contribution (withheld + actual taxes the employee paid) = amount owed by (positive) or to the employee")
    record SettlementResult(int taxYear, TaxApproach approach, String currency, BigDecimal hypotheticalTax,
                            BigDecimal hypotheticalTaxWithheld, BigDecimal actualTaxes, BigDecimal actualTaxesPaidByCompany,
                            BigDecimal actualTaxesPaidByEmployee, BigDecimal employeeTaxBurden, BigDecimal employeeContribution,
                            @Schema(description = "The settlement, 0 or more; who owes it: direction", example = "2000.00") BigDecimal amount,
                            SettlementDirection direction,
                            @Schema(description = "actual taxes − employee burden: what the taxes cost the company") BigDecimal companyTaxCost) {
        static SettlementResult of(TaxSettlement s) {
            return new SettlementResult(s.taxYear(), s.approach(), s.currency().getCurrencyCode(), s.hypotheticalTax(),
                    s.hypotheticalTaxWithheld(), s.actualTaxes(), s.actualTaxesPaidByCompany(), s.actualTaxesPaidByEmployee(),
                    s.employeeTaxBurden(), s.employeeContribution(), s.amount(), s.direction(), s.companyTaxCost());
        }
    }
}
