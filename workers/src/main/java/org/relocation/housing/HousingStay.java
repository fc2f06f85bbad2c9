package org.relocation.housing;

import java.time.LocalDate;

/**
 * What temporary housing is ordered or quoted for: the nights the policy grants (the allowances table's
 * temporaryHousingNights), from the case's start date to the morning after the last night, for the case's travellers.
 */
public record HousingStay(int nights, LocalDate from, LocalDate until, int travellers) {

    /** The order's text for the vendor: nights, dates and family size; no names. */
    public String detail() {
        return "Temporary housing for " + travellers + (travellers == 1 ? " traveller" : " travellers") + ", " + nights
                + (nights == 1 ? " night" : " nights") + " from " + from + " to " + until;
    }
}
