package org.relocation.tax;

import java.time.LocalDate;

/**
 * A traveller's days of presence in a country in one of its tax years (named after the calendar year it starts in)
 * against the country's day limit:
 * {@code status} BELOW, WARNING (a warning threshold reached) or REACHED (the limit reached); {@code nextThreshold} the
 * next threshold not yet reached (null once the limit is); {@code limitReachedIfStaying} the day the limit would be
 * reached if the traveller stayed every day after their last recorded day of that tax year (null when reached, or
 * not within the tax year).
 */
public record PresenceCount(Long travellerId, String relationship, String country, int taxYear, long days, int limit,
                            Integer nextThreshold, Status status, LocalDate lastDay, LocalDate limitReachedIfStaying) {

    public enum Status { BELOW, WARNING, REACHED }
}
