package org.relocation.ledger;

import org.relocation.policy.PolicyService;
import org.relocation.relocationcase.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.Optional;

/**
 * The cap the case's policy decision (relocation-package and relocation-allowances, as decided for the case) puts on a
 * category of payment in the period a due date falls in. Pure: no database, no rates.
 * <table>
 *   <caption>Caps</caption>
 *   <tr><th>category</th><th>period</th><th>cap</th></tr>
 *   <tr><td>housing</td><td>calendar month</td><td>housingCapMonthly</td></tr>
 *   <tr><td>cost-of-living</td><td>calendar month</td><td>colaPercent % of the annual base salary / 12 (salary currency)</td></tr>
 *   <tr><td>per-diem</td><td>calendar month</td><td>perDiemDaily × the days of the month</td></tr>
 *   <tr><td>schooling</td><td>calendar year</td><td>schoolingPerChildYearly × the children travelling</td></tr>
 *   <tr><td>relocation-allowance</td><td>assignment</td><td>relocationAllowance</td></tr>
 *   <tr><td>temporary-housing</td><td>assignment</td><td>temporaryHousingNights × temporaryHousingNightlyRate</td></tr>
 *   <tr><td>destination-services</td><td>assignment</td><td>destinationServices</td></tr>
 *   <tr><td>home-leave</td><td>-</td><td>none, but 0 when homeLeaveTripsPerYear is 0</td></tr>
 *   <tr><td>household-goods</td><td>-</td><td>none for a managed move, 0 for a lump-sum one (the lump sum covers it)</td></tr>
 * </table>
 * Travel, immigration fees, tax and other have no policy cap: only the budget limits them.
 */
public final class PolicyCaps {

    /** The package type of the relocation-package decision that reimburses nothing. */
    public static final String LUMP_SUM = "LUMP_SUM";

    private PolicyCaps() {
    }

    /** A cap: at most {@code amount} in {@code period} (the one containing the due date, from {@code start} to {@code end}); {@code sentence} names it. */
    public record Cap(PaymentCategory category, CapPeriod period, LocalDate start, LocalDate end, Money amount, String sentence) {
    }

    /**
     * The cap on {@code category} for a payment due on {@code due}, or empty when the policy puts none on it.
     *
     * @param salary   the case's annual base salary (only for cost-of-living; never named in the sentence)
     * @param children the children travelling (schooling)
     */
    public static Optional<Cap> of(PaymentCategory category, PolicyService.Allowances a, Money salary, long children,
                                   LocalDate due, LocalDate assignmentStart, LocalDate assignmentEnd) {
        Currency policy = Currency.getInstance(a.currency());
        YearMonth month = YearMonth.from(due);
        LocalDate monthStart = month.atDay(1);
        LocalDate monthEnd = month.atEndOfMonth();
        LocalDate yearStart = LocalDate.of(due.getYear(), 1, 1);
        LocalDate yearEnd = LocalDate.of(due.getYear(), 12, 31);
        LocalDate end = assignmentEnd == null ? LocalDate.of(9999, 12, 31) : assignmentEnd;
        LocalDate begin = LocalDate.of(1970, 1, 1);
        return switch (category) {
            case HOUSING -> Optional.of(new Cap(category, CapPeriod.MONTH, monthStart, monthEnd, new Money(a.housingCapMonthly(), policy),
                    sentence(a.housingCapMonthly(), "the housing cap of " + amount(a.housingCapMonthly(), policy) + " a month (city band "
                            + a.cityBand() + ", " + a.policyTier() + " tier)", "housing allowance")));
            case COST_OF_LIVING -> {
                BigDecimal monthly = salary.amount().multiply(a.colaPercent()).divide(BigDecimal.valueOf(1200), 10, RoundingMode.HALF_EVEN);
                yield Optional.of(new Cap(category, CapPeriod.MONTH, monthStart, monthEnd, new Money(monthly, salary.currency()),
                        sentence(a.colaPercent(), "the cost-of-living cap of " + a.colaPercent().stripTrailingZeros().toPlainString()
                                + "% of the base salary a month", "cost-of-living allowance")));
            }
            case PER_DIEM -> {
                BigDecimal days = BigDecimal.valueOf(month.lengthOfMonth());
                yield Optional.of(new Cap(category, CapPeriod.MONTH, monthStart, monthEnd, new Money(a.perDiemDaily().multiply(days), policy),
                        sentence(a.perDiemDaily(), "the per-diem cap of " + amount(a.perDiemDaily(), policy) + " a day ("
                                + amount(a.perDiemDaily().multiply(days), policy) + " in " + month + ")", "per diem")));
            }
            case SCHOOLING -> {
                BigDecimal cap = a.schoolingPerChildYearly().multiply(BigDecimal.valueOf(children));
                yield Optional.of(new Cap(category, CapPeriod.YEAR, yearStart, yearEnd, new Money(cap, policy),
                        sentence(cap, "the schooling cap of " + amount(a.schoolingPerChildYearly(), policy) + " a year per child ("
                                + children + " child(ren): " + amount(cap, policy) + " in " + due.getYear() + ")",
                                children == 0 ? "schooling (no child travels)" : "schooling")));
            }
            case RELOCATION_ALLOWANCE -> Optional.of(new Cap(category, CapPeriod.ASSIGNMENT, begin, end, new Money(a.relocationAllowance(), policy),
                    sentence(a.relocationAllowance(), "the relocation allowance of " + amount(a.relocationAllowance(), policy)
                            + " for the assignment (" + a.policyTier() + " tier)", "relocation allowance")));
            case TEMPORARY_HOUSING -> {
                BigDecimal cap = a.temporaryHousingNightlyRate().multiply(BigDecimal.valueOf(a.temporaryHousingNights()));
                yield Optional.of(new Cap(category, CapPeriod.ASSIGNMENT, begin, end, new Money(cap, policy),
                        sentence(cap, "the temporary-housing cap of " + a.temporaryHousingNights() + " nights at "
                                + amount(a.temporaryHousingNightlyRate(), policy) + " (" + amount(cap, policy) + ") for the assignment",
                                "temporary housing")));
            }
            case DESTINATION_SERVICES -> Optional.of(new Cap(category, CapPeriod.ASSIGNMENT, begin, end, new Money(a.destinationServices(), policy),
                    sentence(a.destinationServices(), "the destination-services cap of " + amount(a.destinationServices(), policy)
                            + " for the assignment", "destination services")));
            case HOME_LEAVE -> a.homeLeaveTripsPerYear() > 0 ? Optional.empty()
                    : Optional.of(new Cap(category, CapPeriod.ASSIGNMENT, begin, end, Money.zero(policy), "the policy grants no home leave for this case"));
            case HOUSEHOLD_GOODS -> !LUMP_SUM.equals(a.moveType()) ? Optional.empty()
                    : Optional.of(new Cap(category, CapPeriod.ASSIGNMENT, begin, end, Money.zero(policy),
                    "the lump-sum package pays no household-goods shipment (the relocation allowance covers the move)"));
            case TRAVEL, IMMIGRATION_FEES, TAX, OTHER -> Optional.empty();
        };
    }

    private static String sentence(BigDecimal cap, String named, String what) {
        return cap.signum() > 0 ? named : "the policy grants no " + what + " for this case";
    }

    private static String amount(BigDecimal value, Currency currency) {
        return new Money(value, currency).toString();
    }
}
