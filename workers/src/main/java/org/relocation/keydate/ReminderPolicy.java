package org.relocation.keydate;

import org.springframework.stereotype.Component;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The validated {@code relocation.key-dates} configuration, and the schedule it gives a key date: one reminder per
 * offset (calendar or host-country business days before the date), the renewal start for kinds with a renewal
 * lead, and the date itself, each at the reminder time in the host country's zone. A configuration error stops
 * the application at startup.
 */
@Component
public class ReminderPolicy {

    /** A kind's rule: offsets in days (largest first), whether they are business days, recipients, renewal lead. */
    public record Rule(KeyDateKind kind, List<Integer> offsets, boolean businessDays, List<ReminderRecipient> recipients,
                       Integer renewalLeadDays, boolean pastAllowed) {
    }

    /** One reminder: so many days before the date, on that day, at that instant. */
    public record Reminder(int offsetDays, LocalDate date, Instant at) {
    }

    /** A key date's reminders (earliest first), its renewal start (null: no renewal) and the date's own instant. */
    public record Schedule(List<Reminder> reminders, LocalDate renewalDate, Instant renewalAt, Instant dueAt) {
    }

    /** The rule of kinds the configuration does not know. */
    static final Rule FALLBACK = new Rule(null, List.of(30, 7), false, List.of(ReminderRecipient.SPECIALIST), null, false);

    private final BusinessCalendar calendar;
    private final Map<KeyDateKind, Rule> rules = new EnumMap<>(KeyDateKind.class);
    private final Map<String, ZoneId> zones = new HashMap<>();
    private final ZoneId defaultZone;
    private final LocalTime reminderTime;
    private final Map<ReminderRecipient, String> mailboxes = new EnumMap<>(ReminderRecipient.class);

    public ReminderPolicy(KeyDateProperties properties, BusinessCalendar calendar) {
        this.calendar = calendar;
        String prefix = "relocation.key-dates.";
        try {
            reminderTime = LocalTime.parse(properties.getReminderTime());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalStateException(prefix + "reminder-time must be a time of day such as 08:00, was " + properties.getReminderTime());
        }
        defaultZone = zone(prefix + "time-zone", properties.getTimeZone());
        properties.getZones().forEach((country, zone) -> {
            String c = country.toUpperCase(Locale.ROOT);
            if (!BusinessCalendar.isCountry(c)) {
                throw new IllegalStateException(prefix + "zones: " + country + " is not an ISO 3166-1 alpha-2 country code");
            }
            zones.put(c, zone(prefix + "zones." + country, zone));
        });
        Map<String, KeyDateProperties.Rule> configured = new HashMap<>(KeyDateProperties.defaultRules());
        configured.putAll(properties.getRules());
        configured.forEach((code, r) -> {
            KeyDateKind kind = KeyDateKind.fromCode(code).orElseThrow(() -> new IllegalStateException(
                    prefix + "rules: unknown kind '" + code + "'; known kinds are " + KeyDateKind.codes()));
            rules.put(kind, rule(prefix + "rules." + code, kind, r));
        });
        for (ReminderRecipient r : List.of(ReminderRecipient.SPECIALIST, ReminderRecipient.HR)) {
            String key = r.name().toLowerCase(Locale.ROOT);
            String mailbox = properties.getMailboxes().get(key);
            if (mailbox == null || !mailbox.matches("^[^@\\s]+@[^@\\s]+$")) {
                throw new IllegalStateException(prefix + "mailboxes." + key + " must be an e-mail address, was " + mailbox);
            }
            mailboxes.put(r, mailbox);
        }
    }

    private static Rule rule(String name, KeyDateKind kind, KeyDateProperties.Rule r) {
        if (r.getOffsets() == null || r.getOffsets().isEmpty()) {
            throw new IllegalStateException(name + ".offsets must list at least one number of days");
        }
        TreeSet<Integer> offsets = new TreeSet<>(Comparator.reverseOrder());
        for (Integer o : r.getOffsets()) {
            if (o == null || o < 0 || o > BusinessCalendar.MAX_DAYS) {
                throw new IllegalStateException(name + ".offsets must be between 0 and " + BusinessCalendar.MAX_DAYS + " days, was " + o);
            }
            offsets.add(o);
        }
        if (r.getRecipients() == null || r.getRecipients().isEmpty()) {
            throw new IllegalStateException(name + ".recipients must name at least one of " + List.of(ReminderRecipient.values()));
        }
        Integer lead = r.getRenewalLeadDays();
        if (lead != null && (lead < 1 || lead > BusinessCalendar.MAX_DAYS)) {
            throw new IllegalStateException(name + ".renewal-lead-days must be between 1 and " + BusinessCalendar.MAX_DAYS + ", was " + lead);
        }
        return new Rule(kind, List.copyOf(offsets), r.isBusinessDays(), List.copyOf(new java.util.LinkedHashSet<>(r.getRecipients())),
                lead, r.isPastAllowed());
    }

    private static ZoneId zone(String name, String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException | NullPointerException e) {
            throw new IllegalStateException(name + " must be a time zone such as Europe/Berlin, was " + zone);
        }
    }

    public Rule rule(KeyDateKind kind) {
        return rules.get(kind);
    }

    /** The rule of a kind code; a kind without one (registered by code, not the API) gets the fallback: 30 and 7 days, specialists. */
    public Rule rule(String kind) {
        return KeyDateKind.fromStored(kind).map(this::rule).orElse(FALLBACK);
    }

    /** The host country's time zone for reminder times. */
    public ZoneId zone(String country) {
        return zones.getOrDefault(country == null ? "" : country.toUpperCase(Locale.ROOT), defaultZone);
    }

    public LocalTime reminderTime() {
        return reminderTime;
    }

    /** The mailbox of the specialists or HR; the employee's address comes from the case. */
    public String mailbox(ReminderRecipient recipient) {
        return mailboxes.get(recipient);
    }

    /** The instant a day's reminders fire in that country. */
    public Instant at(LocalDate day, String country) {
        return day.atTime(reminderTime).atZone(zone(country)).toInstant();
    }

    /** The schedule of a key date of this kind, due on that day, for a case hosted in that country. */
    public Schedule schedule(String kind, LocalDate due, String country) {
        Rule rule = rule(kind);
        List<Reminder> reminders = new ArrayList<>();
        for (int offset : rule.offsets()) {
            LocalDate day = calendar.before(country, due, offset, rule.businessDays());
            reminders.add(new Reminder(offset, day, at(day, country)));
        }
        reminders.sort(Comparator.comparing(Reminder::at).thenComparing(Reminder::offsetDays, Comparator.reverseOrder()));
        LocalDate renewal = rule.renewalLeadDays() == null ? null : calendar.before(country, due, rule.renewalLeadDays(), rule.businessDays());
        return new Schedule(List.copyOf(reminders), renewal, renewal == null ? null : at(renewal, country), at(due, country));
    }
}
