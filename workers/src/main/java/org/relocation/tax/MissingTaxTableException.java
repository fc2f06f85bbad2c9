package org.relocation.tax;

import org.relocation.platform.NotFoundException;

import java.time.LocalDate;

/** No tax table of a country is in effect on a day: finance must load one (POST /api/tax-tables, docs/pay-and-tax.md). */
public class MissingTaxTableException extends NotFoundException {

    private final String country;
    private final LocalDate on;

    public MissingTaxTableException(String country, LocalDate on) {
        super("No tax table of " + country + " in effect on " + on + ": finance must load one");
        this.country = country;
        this.on = on;
    }

    public String getCountry() { return country; }
    public LocalDate getOn() { return on; }
}
