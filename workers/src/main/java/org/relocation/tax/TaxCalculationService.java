package org.relocation.tax;

import org.javamoney.moneta.Money;
import org.relocation.fx.AppliedRate;
import org.relocation.fx.Conversion;
import org.relocation.fx.ExchangeRateService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tax calculations other features call (payroll instructions, expense claims, tax provider orders): each looks up
 * the country's table in effect on the day given ({@link TaxTableService#inEffect}) and computes with it; the
 * arithmetic itself is in the pure {@link TaxSchedule}, {@link GrossUpCalculator} and {@link TaxSettlementCalculator}.
 * Amounts are rounded to the currency's minor unit with HALF_EVEN. Nothing here logs or puts an amount in an exception
 * message: salaries and taxes are personal data.
 * <ul>
 *   <li>{@link #assess}: income tax and social security of an annual income;</li>
 *   <li>{@link #hypotheticalTax}: the tax the employee would have paid at home on their home salary, to withhold;</li>
 *   <li>{@link #grossUp}: the gross of a taxable allowance that leaves the employee the net amount;</li>
 *   <li>{@link #settle}: the tax-equalisation or protection settlement of a tax year.</li>
 * </ul>
 */
@Service
public class TaxCalculationService {

    private final TaxTableService tables;
    private final ExchangeRateService rates;
    private final GrossUpCalculator grossUp = new GrossUpCalculator();
    private final TaxSettlementCalculator settlement = new TaxSettlementCalculator();

    TaxCalculationService(TaxTableService tables, ExchangeRateService rates) {
        this.tables = tables;
        this.rates = rates;
    }

    /**
     * Income tax and social security of an annual income with the country's table in effect on a day. The income must
     * be in the table's currency.
     *
     * @throws MissingTaxTableException        no table of the country in effect that day
     * @throws InvalidTaxCalculationException  {@code annualIncome} negative, too large or in another currency
     */
    @Transactional(readOnly = true, noRollbackFor = RuntimeException.class) // a query: its failure (no rate, no table) must not doom the caller's transaction
    public TaxAssessment assess(String country, MonetaryAmount annualIncome, LocalDate on) {
        TaxSchedule schedule = tables.scheduleInEffect(country, on);
        return schedule.assess(inTableCurrency("annualIncome", annualIncome, schedule));
    }

    /**
     * The hypothetical tax of an equalised or protected employee: income tax plus employee social security on their
     * annual home-country salary, with the home country's table in effect on a day. A salary in another currency than
     * the home country's is converted first with the exchange rate in effect that day (recorded in the result).
     *
     * @throws MissingTaxTableException                      no home table in effect that day
     * @throws org.relocation.fx.MissingExchangeRateException the salary needs converting and no rate is in effect
     * @throws InvalidTaxCalculationException                 {@code annualHomeSalary} missing, negative or too large
     */
    @Transactional(readOnly = true, noRollbackFor = RuntimeException.class) // a query: its failure (no rate, no table) must not doom the caller's transaction
    public HypotheticalTax hypotheticalTax(String homeCountry, MonetaryAmount annualHomeSalary, LocalDate on) {
        TaxSchedule schedule = tables.scheduleInEffect(homeCountry, on);
        checkAmount("annualHomeSalary", annualHomeSalary);
        AppliedRate rate = null;
        BigDecimal salary;
        if (annualHomeSalary.getCurrency().equals(schedule.currency())) {
            salary = decimal(annualHomeSalary);
        } else {
            Conversion c = rates.convert(annualHomeSalary, schedule.currency(), on);
            rate = c.rate();
            salary = decimal(c.converted());
        }
        return new HypotheticalTax(schedule.assess(salary), rate);
    }

    /**
     * Grosses up a taxable allowance with the country's table in effect on a day ({@link GrossUpCalculator}): the gross
     * to pay on top of {@code baseIncome} so that the employee keeps {@code netAllowance} after income tax and social
     * security. Both amounts annual, in the table's currency.
     *
     * @throws MissingTaxTableException       no table in effect that day
     * @throws GrossUpNotConvergedException   the marginal rate reaches 100 %, or no convergence within the bound
     * @throws InvalidTaxCalculationException an amount missing, negative, too large or in another currency
     */
    @Transactional(readOnly = true, noRollbackFor = RuntimeException.class) // a query: its failure (no rate, no table) must not doom the caller's transaction
    public GrossUp grossUp(String country, MonetaryAmount baseIncome, MonetaryAmount netAllowance, LocalDate on) {
        TaxSchedule schedule = tables.scheduleInEffect(country, on);
        BigDecimal base = inTableCurrency("baseIncome", baseIncome, schedule);
        BigDecimal net = inTableCurrency("netAllowance", netAllowance, schedule);
        return grossUp.grossUp(schedule, base, net);
    }

    /**
     * The settlement of one tax year ({@link TaxSettlementCalculator}); every amount in {@code currency} (convert host
     * taxes first, e.g. with {@link ExchangeRateService#convert} at the year's end).
     *
     * @throws InvalidTaxCalculationException naming each bad field
     */
    public TaxSettlement settle(int taxYear, TaxApproach approach, CurrencyUnit currency, BigDecimal finalHypotheticalTax,
                                BigDecimal hypotheticalTaxWithheld, List<ActualTax> actualTaxes) {
        return settlement.settle(taxYear, approach, currency, finalHypotheticalTax, hypotheticalTaxWithheld, actualTaxes);
    }

    private static BigDecimal inTableCurrency(String field, MonetaryAmount amount, TaxSchedule schedule) {
        checkAmount(field, amount);
        if (!amount.getCurrency().equals(schedule.currency())) {
            throw new InvalidTaxCalculationException(Map.of(field, "must be in " + schedule.currency().getCurrencyCode()
                    + ", the currency of the " + schedule.country() + " tax table"));
        }
        return decimal(amount);
    }

    private static void checkAmount(String field, MonetaryAmount amount) {
        if (amount == null) {
            throw new InvalidTaxCalculationException(Map.of(field, "is required"));
        }
        BigDecimal value = decimal(amount);
        if (value.signum() < 0) {
            throw new InvalidTaxCalculationException(Map.of(field, "must be 0 or more"));
        }
        if (value.compareTo(TaxTableService.MAX_AMOUNT) > 0) {
            throw new InvalidTaxCalculationException(Map.of(field, "must be at most " + TaxTableService.MAX_AMOUNT.toPlainString()));
        }
    }

    private static BigDecimal decimal(MonetaryAmount amount) {
        return Objects.requireNonNull(amount).getNumber().numberValueExact(BigDecimal.class);
    }

    /** An amount in a currency given by its code, as the calculations take it. */
    public static MonetaryAmount money(BigDecimal amount, CurrencyUnit currency) {
        return Money.of(amount, currency);
    }
}
