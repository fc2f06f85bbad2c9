package org.relocation.tax;

import java.time.LocalDate;

/**
 * A gross-up found no gross amount: the iteration did not settle within its bound, or the marginal rate (income tax
 * plus social security) reached 100 % so that no gross amount leaves the net allowance. The message names the country
 * and table, never an amount.
 */
public class GrossUpNotConvergedException extends RuntimeException {

    private final String country;
    private final LocalDate tableEffectiveFrom;

    public GrossUpNotConvergedException(String country, LocalDate tableEffectiveFrom, String reason) {
        super("The gross-up with the " + country + " tax table effective " + tableEffectiveFrom + " did not converge: " + reason);
        this.country = country;
        this.tableEffectiveFrom = tableEffectiveFrom;
    }

    public String getCountry() { return country; }
    public LocalDate getTableEffectiveFrom() { return tableEffectiveFrom; }
}
