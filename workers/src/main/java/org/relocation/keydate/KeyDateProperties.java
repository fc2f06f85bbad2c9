package org.relocation.keydate;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code relocation.key-dates}: when and to whom key-date reminders go, and when a renewal starts.
 * <ul>
 *   <li>{@code rules.<kind>}: per kind of key date, {@code offsets} (days before the date, one reminder each),
 *   {@code business-days} (count the offsets and the renewal lead in the host country's business days: no
 *   weekends, no public holidays; else calendar days), {@code recipients} (specialist, employee, hr),
 *   {@code renewal-lead-days} (start the renewal sub-process that long before the date; empty = no renewal),
 *   {@code past-allowed} (whether the API accepts a date already past). A rule set here replaces the built-in
 *   rule of that kind as a whole.</li>
 *   <li>{@code reminder-time}: local time of day reminders (and renewals) fire, in the host country's zone
 *   ({@code zones}, ISO 3166 code to time zone; {@code time-zone} for countries not listed).</li>
 *   <li>{@code weekends}: host countries whose weekend is not Saturday and Sunday.</li>
 *   <li>{@code mailboxes.specialist}, {@code mailboxes.hr}: where reminders for those roles go.</li>
 * </ul>
 * The standalone workers read the same keys (workers.yaml): keep both configurations alike.
 */
@ConfigurationProperties("relocation.key-dates")
public class KeyDateProperties {

    private String reminderTime = "08:00";
    private String timeZone = "UTC";
    private Map<String, String> zones = new LinkedHashMap<>(defaultZones());
    private Map<String, List<DayOfWeek>> weekends = new LinkedHashMap<>(defaultWeekends());
    private Map<String, String> mailboxes = new LinkedHashMap<>(Map.of(
            "specialist", "mobility-team@example.com",
            "hr", "hr-team@example.com"));
    private Map<String, Rule> rules = new LinkedHashMap<>(defaultRules());

    /** One kind's reminder rule. */
    public static class Rule {
        private List<Integer> offsets = new ArrayList<>(List.of(30, 7));
        private boolean businessDays;
        private List<ReminderRecipient> recipients = new ArrayList<>(List.of(ReminderRecipient.SPECIALIST));
        private Integer renewalLeadDays;
        private boolean pastAllowed;

        public Rule() {
        }

        Rule(List<Integer> offsets, boolean businessDays, List<ReminderRecipient> recipients, Integer renewalLeadDays) {
            this.offsets = new ArrayList<>(offsets);
            this.businessDays = businessDays;
            this.recipients = new ArrayList<>(recipients);
            this.renewalLeadDays = renewalLeadDays;
        }

        public List<Integer> getOffsets() { return offsets; }
        public void setOffsets(List<Integer> offsets) { this.offsets = offsets; }
        public boolean isBusinessDays() { return businessDays; }
        public void setBusinessDays(boolean businessDays) { this.businessDays = businessDays; }
        public List<ReminderRecipient> getRecipients() { return recipients; }
        public void setRecipients(List<ReminderRecipient> recipients) { this.recipients = recipients; }
        public Integer getRenewalLeadDays() { return renewalLeadDays; }
        public void setRenewalLeadDays(Integer renewalLeadDays) { this.renewalLeadDays = renewalLeadDays; }
        public boolean isPastAllowed() { return pastAllowed; }
        public void setPastAllowed(boolean pastAllowed) { this.pastAllowed = pastAllowed; }
    }

    static Map<String, Rule> defaultRules() {
        ReminderRecipient s = ReminderRecipient.SPECIALIST;
        ReminderRecipient e = ReminderRecipient.EMPLOYEE;
        ReminderRecipient h = ReminderRecipient.HR;
        Map<String, Rule> rules = new LinkedHashMap<>();
        rules.put("permit-expiry", new Rule(List.of(90, 60, 30, 7), false, List.of(s, e, h), 120));
        rules.put("visa-expiry", new Rule(List.of(90, 60, 30, 7), false, List.of(s, e, h), 90));
        rules.put("passport-expiry", new Rule(List.of(180, 90, 30), false, List.of(s, e), null));
        rules.put("biometrics-appointment", new Rule(List.of(5, 1), true, List.of(s, e), null));
        rules.put("entry-deadline", new Rule(List.of(10, 5, 1), true, List.of(s, e, h), null));
        rules.put("assignment-end", new Rule(List.of(90, 60, 30), false, List.of(s, e, h), null));
        rules.put("social-security-certificate-end", new Rule(List.of(90, 60, 30), false, List.of(s, h), null));
        rules.put("a1-certificate-end", new Rule(List.of(90, 60, 30), false, List.of(s, h), null));
        rules.put("posting-declaration-due", new Rule(List.of(10, 5, 1), true, List.of(s, h), null));
        rules.put("right-to-work-recheck", new Rule(List.of(20, 10, 5), true, List.of(s, h), null));
        rules.put("tax-return-due", new Rule(List.of(60, 30, 7), false, List.of(s, e), null));
        rules.put("lease-end", new Rule(List.of(90, 60, 30), false, List.of(s, e), null));
        rules.put("presence-threshold", new Rule(List.of(30, 14, 7), false, List.of(s, e), null));
        return rules;
    }

    /** The zone of the business centre of common host countries; a country with several zones picks one. */
    static Map<String, String> defaultZones() {
        Map<String, String> z = new LinkedHashMap<>();
        z.put("AE", "Asia/Dubai");
        z.put("AT", "Europe/Vienna");
        z.put("AU", "Australia/Sydney");
        z.put("BE", "Europe/Brussels");
        z.put("BR", "America/Sao_Paulo");
        z.put("CA", "America/Toronto");
        z.put("CH", "Europe/Zurich");
        z.put("CN", "Asia/Shanghai");
        z.put("DE", "Europe/Berlin");
        z.put("DK", "Europe/Copenhagen");
        z.put("ES", "Europe/Madrid");
        z.put("FI", "Europe/Helsinki");
        z.put("FR", "Europe/Paris");
        z.put("GB", "Europe/London");
        z.put("HK", "Asia/Hong_Kong");
        z.put("IE", "Europe/Dublin");
        z.put("IN", "Asia/Kolkata");
        z.put("IT", "Europe/Rome");
        z.put("JP", "Asia/Tokyo");
        z.put("MX", "America/Mexico_City");
        z.put("NL", "Europe/Amsterdam");
        z.put("NO", "Europe/Oslo");
        z.put("NZ", "Pacific/Auckland");
        z.put("PL", "Europe/Warsaw");
        z.put("PT", "Europe/Lisbon");
        z.put("SA", "Asia/Riyadh");
        z.put("SE", "Europe/Stockholm");
        z.put("SG", "Asia/Singapore");
        z.put("US", "America/New_York");
        z.put("ZA", "Africa/Johannesburg");
        return z;
    }

    /** Countries whose weekend is Friday and Saturday (the United Arab Emirates moved to Saturday/Sunday in 2022). */
    static Map<String, List<DayOfWeek>> defaultWeekends() {
        Map<String, List<DayOfWeek>> w = new LinkedHashMap<>();
        for (String country : List.of("SA", "KW", "QA", "BH", "OM", "JO", "EG", "IL", "DZ", "IQ")) {
            w.put(country, List.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY));
        }
        return w;
    }

    public String getReminderTime() { return reminderTime; }
    public void setReminderTime(String reminderTime) { this.reminderTime = reminderTime; }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
    public Map<String, String> getZones() { return zones; }
    public void setZones(Map<String, String> zones) { this.zones = zones; }
    public Map<String, List<DayOfWeek>> getWeekends() { return weekends; }
    public void setWeekends(Map<String, List<DayOfWeek>> weekends) { this.weekends = weekends; }
    public Map<String, String> getMailboxes() { return mailboxes; }
    public void setMailboxes(Map<String, String> mailboxes) { this.mailboxes = mailboxes; }
    public Map<String, Rule> getRules() { return rules; }
    public void setRules(Map<String, Rule> rules) { this.rules = rules; }
}
