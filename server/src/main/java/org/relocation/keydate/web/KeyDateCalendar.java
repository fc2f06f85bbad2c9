package org.relocation.keydate.web;

import org.relocation.keydate.KeyDateKind;
import org.relocation.keydate.UpcomingKeyDate;
import org.relocation.relocationcase.Relationship;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Key dates as an iCalendar feed (RFC 5545): one all-day event per key date, stable UIDs so a calendar client
 * updates a moved date in place. Summaries and descriptions carry case number, kind and relationship, no names:
 * "RC-2027-0042 · Permit expires (partner) · DE".
 */
final class KeyDateCalendar {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String CRLF = "\r\n";

    private KeyDateCalendar() {
    }

    static String render(String name, List<UpcomingKeyDate> keyDates, Instant now, String host) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Relocation Engine//Key dates//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        line(ics, "X-WR-CALNAME:" + text(name));
        for (UpcomingKeyDate k : keyDates) {
            String relationship = k.relationship() == null ? "employee" : k.relationship().name().toLowerCase();
            line(ics, "BEGIN:VEVENT");
            line(ics, "UID:key-date-" + k.id() + "@" + host);
            line(ics, "DTSTAMP:" + STAMP.format(now));
            line(ics, "DTSTART;VALUE=DATE:" + DATE.format(k.dueDate()));
            line(ics, "DTEND;VALUE=DATE:" + DATE.format(k.dueDate().plusDays(1)));
            line(ics, "SUMMARY:" + text(title(k)));
            line(ics, "DESCRIPTION:" + text("Key date " + k.kind() + " of the " + relationship + " on relocation case "
                    + k.caseNumber() + ", host country " + k.hostCountry() + ". Reminders come from the relocation engine."));
            line(ics, "CATEGORIES:" + text(k.kind()));
            line(ics, "TRANSP:TRANSPARENT");
            line(ics, "END:VEVENT");
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /** A readable event title: case number, what happens (whose, for a family member), host country. */
    static String title(UpcomingKeyDate k) {
        String whose = k.relationship() == null || k.relationship() == Relationship.EMPLOYEE ? "" : " (" + k.relationship().name().toLowerCase() + ")";
        return k.caseNumber() + " · " + KeyDateKind.labelOf(k.kind()) + whose + " · " + k.hostCountry();
    }

    /** TEXT escaping (RFC 5545 3.3.11). */
    static String text(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "");
    }

    /** Folds a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 sequence. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            int size = ch.getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                out.append(current).append(CRLF).append(' ');
                current.setLength(0);
                octets = 1;
            }
            current.append(ch);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append(current).append(CRLF);
    }
}
