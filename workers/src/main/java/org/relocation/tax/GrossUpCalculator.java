package org.relocation.tax;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Grosses up a taxable allowance iteratively at the marginal rate (pure: no database, no Spring). The employee is to
 * receive a net allowance {@code A} on top of a base taxable income {@code B} (their salary); the gross {@code G} paid
 * must satisfy {@code G − (tax(B + G) − tax(B)) = A}, where tax is income tax plus social security of the schedule.
 * <p>Starting from {@code G = A}, each iteration grosses up what is still missing at the marginal rate {@code m} where
 * {@code B + G} falls: {@code G ← G + (A − net(G)) / (1 − m)}. Within one bracket this lands exactly on the answer; when
 * the gross crosses a bracket boundary or the social-security ceiling the next iteration corrects it with that
 * bracket's rate. It stops when an iteration changes {@code G} by less than the currency's minor unit and rounds
 * {@code G} to the minor unit (HALF_EVEN). It gives up with {@link GrossUpNotConvergedException} when the marginal rate
 * reaches 100 % (no gross leaves anything net) or after {@code maxIterations} iterations; never a flat-rate guess.
 */
public final class GrossUpCalculator {

    /** The default bound: a table with a dozen brackets settles in a handful of iterations. */
    public static final int MAX_ITERATIONS = 50;
    /** Decimal places of the intermediate (unrounded) gross. */
    private static final int WORKING_SCALE = 10;

    private final int maxIterations;

    public GrossUpCalculator() {
        this(MAX_ITERATIONS);
    }

    public GrossUpCalculator(int maxIterations) {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1");
        }
        this.maxIterations = maxIterations;
    }

    /**
     * @param baseIncome   the annual taxable income the allowance comes on top of (0 or more), in the schedule's currency
     * @param netAllowance what the employee is to receive after tax (0 or more), in the schedule's currency
     * @throws GrossUpNotConvergedException when the iteration does not settle (see the class)
     */
    public GrossUp grossUp(TaxSchedule schedule, BigDecimal baseIncome, BigDecimal netAllowance) {
        if (baseIncome == null || baseIncome.signum() < 0 || netAllowance == null || netAllowance.signum() < 0) {
            throw new IllegalArgumentException("A base income and a net allowance of 0 or more are needed");
        }
        BigDecimal base = schedule.round(baseIncome);
        BigDecimal net = schedule.round(netAllowance);
        BigDecimal taxOnBase = schedule.totalTaxExact(base);
        BigDecimal minorUnit = schedule.minorUnit();
        BigDecimal gross = net;
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            BigDecimal income = base.add(gross);
            BigDecimal marginal = schedule.marginalRate(income);
            if (marginal.compareTo(BigDecimal.ONE) >= 0) {
                throw new GrossUpNotConvergedException(schedule.country(), schedule.effectiveFrom(),
                        "the marginal rate (income tax plus social security) reaches 100 % or more, so no gross amount leaves the net allowance");
            }
            BigDecimal netOfGross = gross.subtract(schedule.totalTaxExact(income).subtract(taxOnBase));
            BigDecimal step = net.subtract(netOfGross).divide(BigDecimal.ONE.subtract(marginal), WORKING_SCALE, RoundingMode.HALF_EVEN);
            gross = gross.add(step);
            if (step.abs().compareTo(minorUnit) < 0) {
                BigDecimal rounded = schedule.round(gross);
                return new GrossUp(schedule.country(), schedule.currency(), schedule.effectiveFrom(), schedule.name(), base, net,
                        rounded, rounded.subtract(net), TaxTable.plain(schedule.marginalRate(base.add(rounded))), iteration);
            }
        }
        throw new GrossUpNotConvergedException(schedule.country(), schedule.effectiveFrom(),
                "no stable gross amount within " + maxIterations + " iterations");
    }
}
