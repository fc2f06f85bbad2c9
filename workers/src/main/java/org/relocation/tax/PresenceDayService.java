package org.relocation.tax;

import org.relocation.keydate.KeyDateKind;
import org.relocation.keydate.KeyDateService;
import org.relocation.notification.NotificationService;
import org.relocation.relocationcase.AssignmentType;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.Relationship;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.relocationcase.Traveller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Presence days of a case's travellers per country and tax year (docs/pay-and-tax.md "Presence days"): the specialist
 * records the days a traveller is, or is planned to be, in a country (a travel day in both countries); each tax year's
 * count is held against the country's limit ({@link PresenceProperties}: 183 days, or a treaty's), and when a recording
 * brings a count to a warning threshold (150 and 170 by default) or to the limit, the mobility specialists' and the
 * managers' mailboxes are told, once per traveller, country, year and threshold. A country's tax year starts on
 * 1 January unless {@code relocation.tax.presence.tax-year-starts} says otherwise (GB 6 April, ...).
 * <p>
 * Thresholds as key dates ({@link #thresholdKeyDates}): for assignees (short- and long-term) and extended business
 * travellers, in every country but the case's home country, each threshold of the tax year is a key date of the
 * traveller ({@code presence-threshold-<days>-<country>-<year>}) on the day it is reached: the recorded day when the
 * count has reached it, else the day it would be reached at the current pace (days recorded in the year divided by the
 * days from the first to the last of them), from the last recorded day. A threshold that the pace no longer reaches
 * within the tax year has its key date withdrawn. Recording the same days again changes nothing; new days move the dates.
 */
@Service
public class PresenceDayService {

    /** The longest span one recording may cover. */
    public static final int MAX_SPAN_DAYS = 366;

    private final PresenceDayRepository days;
    private final CaseService cases;
    private final NotificationService notifications;
    private final PresenceProperties properties;
    private final KeyDateService keyDates;
    private final Clock clock;

    /** The assignment types whose presence days are followed with key dates: assignees and extended business travellers. */
    public static final java.util.Set<AssignmentType> FOLLOWED_TYPES = java.util.EnumSet.of(AssignmentType.SHORT_TERM,
            AssignmentType.LONG_TERM, AssignmentType.EXTENDED_BUSINESS_TRAVELLER);

    PresenceDayService(PresenceDayRepository days, CaseService cases, NotificationService notifications,
                       PresenceProperties properties, KeyDateService keyDates, Clock clock) {
        this.keyDates = keyDates;
        this.days = days;
        this.cases = cases;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a recording did: the days added (days recorded before are not counted again), the counts now, the warnings sent. */
    public record Recorded(int added, List<PresenceCount> counts, List<String> warnings) {
    }

    /**
     * Records every day from {@code from} to {@code to} (inclusive) in a country for a traveller of the case (null: the
     * employee). Nothing is written if a field is bad ({@link InvalidPresenceDaysException} names each).
     *
     * @throws org.relocation.relocationcase.CaseNotFoundException unknown case
     */
    @Transactional
    public Recorded record(Long caseId, Long travellerId, String country, LocalDate from, LocalDate to, String recordedBy) {
        RelocationCase c = cases.get(caseId);
        Map<String, String> errors = new LinkedHashMap<>();
        Traveller traveller = traveller(c, travellerId, errors);
        if (!TaxTableService.isCountry(country)) {
            errors.put("country", "is required: an ISO 3166-1 alpha-2 country code such as DE");
        }
        LocalDate latest = LocalDate.now(clock).plusYears(1);
        if (from == null) {
            errors.put("from", "is required (YYYY-MM-DD)");
        } else if (from.isBefore(TaxTableService.EARLIEST)) {
            errors.put("from", "must not be before " + TaxTableService.EARLIEST);
        }
        if (to == null) {
            errors.put("to", "is required (YYYY-MM-DD; the same as from for one day)");
        } else if (to.isAfter(latest)) {
            errors.put("to", "must be at most one year ahead (on or before " + latest + ")");
        } else if (from != null && to.isBefore(from)) {
            errors.put("to", "must not be before from");
        } else if (from != null && ChronoUnit.DAYS.between(from, to) >= MAX_SPAN_DAYS) {
            errors.put("to", "must be within " + MAX_SPAN_DAYS + " days of from (record a longer stay in parts)");
        }
        if (!errors.isEmpty()) {
            throw new InvalidPresenceDaysException(errors);
        }
        Set<LocalDate> known = new HashSet<>(days.daysOf(traveller.getId(), country, from, to));
        Instant now = clock.instant();
        int added = 0;
        Set<Integer> years = new java.util.TreeSet<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            years.add(properties.taxYearOf(country, d));
            if (!known.contains(d)) {
                days.save(new PresenceDay(caseId, traveller.getId(), country, d, recordedBy, now));
                added++;
            }
        }
        days.flush();
        List<PresenceCount> counts = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int year : years) {
            PresenceCount count = count(traveller, country, year);
            counts.add(count);
            for (int threshold : properties.thresholdsOf(country)) {
                if (count.days() >= threshold) {
                    String kind = "presence-" + threshold + "-" + country + "-" + year + "-t" + traveller.getId();
                    notifications.notifySpecialistsAndManager(c, kind, subject(c, traveller, count, threshold), body(c, traveller, count, threshold));
                    warnings.add(kind);
                }
            }
            thresholdKeyDates(c, traveller, country, year);
        }
        return new Recorded(added, counts, warnings);
    }

    /**
     * Registers, moves or withdraws the traveller's threshold key dates of a country's tax year (see the class); nothing
     * for a permanent transfer or a local hire, nor for the home country. Idempotent.
     */
    private void thresholdKeyDates(RelocationCase c, Traveller traveller, String country, int year) {
        if (!FOLLOWED_TYPES.contains(c.getAssignmentType()) || country.equals(c.getHomeCountry())) {
            return;
        }
        LocalDate yearEnd = properties.taxYearEnd(country, year);
        List<LocalDate> present = days.daysOf(traveller.getId(), country, properties.taxYearStart(country, year), yearEnd)
                .stream().sorted().toList();
        if (present.isEmpty()) {
            return;
        }
        long n = present.size();
        LocalDate lastDay = present.get(present.size() - 1);
        long span = ChronoUnit.DAYS.between(present.get(0), lastDay) + 1;
        int limit = properties.limitOf(country);
        for (int threshold : properties.thresholdsOf(country)) {
            String kind = KeyDateKind.PRESENCE_THRESHOLD.code() + "-" + threshold + "-" + country.toLowerCase(java.util.Locale.ROOT) + "-" + year;
            String what = (threshold >= limit ? "Day limit " + threshold : threshold + " days") + " in " + country + ", tax year " + year;
            if (n >= threshold) {
                keyDates.register(c.getId(), traveller.getId(), kind, present.get(threshold - 1), what + ": reached (recorded days)");
                continue;
            }
            // at the current pace of n days in span: (threshold - n) more days take ceil((threshold - n) * span / n) days
            long ahead = ((threshold - n) * span + n - 1) / n;
            LocalDate due = lastDay.plusDays(ahead);
            if (due.isAfter(yearEnd)) {
                keyDates.withdraw(c.getId(), traveller.getId(), kind);
            } else {
                keyDates.register(c.getId(), traveller.getId(), kind, due, what + ": at the current pace (" + n + " days in " + span + ")");
            }
        }
    }

    /** Every traveller's count per country in a tax year (each country's own), by traveller then country. */
    @Transactional(readOnly = true)
    public List<PresenceCount> counts(Long caseId, int taxYear) {
        RelocationCase c = cases.get(caseId);
        Map<String, PresenceCount> result = new LinkedHashMap<>();
        // wide enough for any country's tax year named taxYear (it starts within that calendar year)
        for (PresenceDay d : days.ofCase(caseId, LocalDate.of(taxYear, 1, 1), LocalDate.of(taxYear + 1, 12, 31))) {
            String key = d.getTravellerId() + "/" + d.getCountry();
            if (!result.containsKey(key) && properties.taxYearOf(d.getCountry(), d.getPresentOn()) == taxYear) {
                Traveller t = c.getTravellers().stream().filter(x -> x.getId().equals(d.getTravellerId())).findFirst().orElseThrow();
                result.put(key, count(t, d.getCountry(), taxYear));
            }
        }
        return List.copyOf(result.values());
    }

    private PresenceCount count(Traveller traveller, String country, int year) {
        LocalDate first = properties.taxYearStart(country, year);
        LocalDate last = properties.taxYearEnd(country, year);
        List<LocalDate> present = days.daysOf(traveller.getId(), country, first, last);
        long n = present.size();
        LocalDate lastDay = present.stream().max(LocalDate::compareTo).orElse(null);
        int limit = properties.limitOf(country);
        Integer next = properties.thresholdsOf(country).stream().filter(t -> t > n).findFirst().orElse(null);
        int lowest = properties.thresholdsOf(country).get(0);
        PresenceCount.Status status = n >= limit ? PresenceCount.Status.REACHED
                : n >= lowest ? PresenceCount.Status.WARNING : PresenceCount.Status.BELOW;
        LocalDate reached = null;
        if (n < limit && lastDay != null) {
            LocalDate projected = lastDay.plusDays(limit - n);
            reached = projected.isAfter(last) ? null : projected;
        }
        return new PresenceCount(traveller.getId(), traveller.getRelationship().name(), country, year, n, limit, next, status, lastDay, reached);
    }

    private static Traveller traveller(RelocationCase c, Long travellerId, Map<String, String> errors) {
        if (travellerId == null) {
            return c.getTravellers().stream().filter(t -> t.getRelationship() == Relationship.EMPLOYEE).findFirst()
                    .orElseGet(() -> {
                        errors.put("travellerId", "is required: the case has no employee traveller");
                        return null;
                    });
        }
        return c.getTravellers().stream().filter(t -> travellerId.equals(t.getId())).findFirst().orElseGet(() -> {
            errors.put("travellerId", "is not a traveller of this case");
            return null;
        });
    }

    private static String subject(RelocationCase c, Traveller t, PresenceCount count, int threshold) {
        return c.getCaseNumber() + ": " + (threshold >= count.limit() ? "day limit reached" : threshold + " days")
                + " in " + count.country() + " in " + count.taxYear() + " (" + relationship(t) + ", limit " + count.limit() + ")";
    }

    private static String body(RelocationCase c, Traveller t, PresenceCount count, int threshold) {
        return "Case " + c.getCaseNumber() + ": the " + relationship(t) + " has " + count.days() + " days of presence recorded in "
                + count.country() + " in tax year " + count.taxYear() + " (warning at " + threshold + "; the limit is "
                + count.limit() + " days, from which " + count.country() + " may tax the employment income).\n"
                + "Review the travel plan with the employee and the tax provider: shorten or move trips, or set up host "
                + "payroll or shadow payroll and the host tax return in time.\n"
                + "Presence days: GET /api/cases/" + c.getId() + "/presence-days?taxYear=" + count.taxYear();
    }

    private static String relationship(Traveller t) {
        return t.getRelationship().name().toLowerCase();
    }
}
