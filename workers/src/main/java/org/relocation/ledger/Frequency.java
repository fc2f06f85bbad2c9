package org.relocation.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** How often a scheduled allowance falls due, from its start day (the same day of the month, or the month's last day). */
public enum Frequency {
    MONTHLY(1), QUARTERLY(3), YEARLY(12), ONCE(0);

    private final int months;

    Frequency(int months) {
        this.months = months;
    }

    /** The due dates from {@code start} to {@code end} inclusive (ONCE: the start only); at most {@code max}. */
    public List<LocalDate> dueDates(LocalDate start, LocalDate end, int max) {
        List<LocalDate> dates = new ArrayList<>();
        if (this == ONCE) {
            dates.add(start);
            return dates;
        }
        for (int i = 0; dates.size() <= max; i++) {
            LocalDate d = start.plusMonths((long) i * months); // 31 Jan + 1 month = 28/29 Feb, then 31 Mar again
            if (d.isAfter(end)) {
                break;
            }
            dates.add(d);
        }
        return dates;
    }
}
