package org.relocation.keydate;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The schedule of a key date from the configured rules: offsets, business days, host-country zone, renewal lead. */
class ReminderPolicyTest {

    private static ReminderPolicy policy(KeyDateProperties p) {
        return new ReminderPolicy(p, new BusinessCalendar(p));
    }

    @Test
    void businessDayRemindersCrossEasterAndFireAtEightInBerlin() {
        ReminderPolicy.Schedule s = policy(new KeyDateProperties()).schedule("biometrics-appointment", LocalDate.parse("2036-04-15"), "DE");
        assertThat(s.reminders()).extracting(ReminderPolicy.Reminder::offsetDays).containsExactly(5, 1);
        assertThat(s.reminders()).extracting(ReminderPolicy.Reminder::at).containsExactly(
                Instant.parse("2036-04-04T06:00:00Z"), Instant.parse("2036-04-10T06:00:00Z"));
        assertThat(s.dueAt()).isEqualTo(Instant.parse("2036-04-15T06:00:00Z"));
        assertThat(s.renewalAt()).isNull();
    }

    @Test
    void permitExpiryCountsCalendarDaysAndStartsTheRenewal120DaysAhead() {
        ReminderPolicy.Schedule s = policy(new KeyDateProperties()).schedule("permit-expiry", LocalDate.parse("2036-03-02"), "DE");
        assertThat(s.reminders()).extracting(ReminderPolicy.Reminder::date).containsExactly(
                LocalDate.parse("2035-12-03"), LocalDate.parse("2036-01-02"), LocalDate.parse("2036-02-01"), LocalDate.parse("2036-02-24")); // 2036 is a leap year
        assertThat(s.reminders().get(0).at()).isEqualTo(Instant.parse("2035-12-03T07:00:00Z")); // CET in winter
        assertThat(s.renewalDate()).isEqualTo(LocalDate.parse("2035-11-03"));
        assertThat(s.renewalAt()).isEqualTo(Instant.parse("2035-11-03T07:00:00Z"));
        assertThat(s.dueAt()).isEqualTo(Instant.parse("2036-03-02T07:00:00Z"));
    }

    @Test
    void aConfiguredRuleReplacesTheBuiltInOneAndCountriesWithoutZoneUseTheDefault() {
        KeyDateProperties p = new KeyDateProperties();
        KeyDateProperties.Rule rule = new KeyDateProperties.Rule();
        rule.setOffsets(List.of(2, 10, 2));
        rule.setBusinessDays(true);
        p.getRules().put("assignment-end", rule);
        p.setReminderTime("09:30");
        ReminderPolicy policy = policy(p);
        assertThat(policy.rule(KeyDateKind.ASSIGNMENT_END).offsets()).containsExactly(10, 2);
        assertThat(policy.rule(KeyDateKind.ASSIGNMENT_END).recipients()).containsExactly(ReminderRecipient.SPECIALIST);
        assertThat(policy.zone("TW").getId()).isEqualTo("UTC");
        ReminderPolicy.Schedule s = policy.schedule("assignment-end", LocalDate.parse("2036-04-15"), "TW");
        assertThat(s.reminders()).extracting(ReminderPolicy.Reminder::at).containsExactly(
                Instant.parse("2036-04-01T09:30:00Z"), Instant.parse("2036-04-11T09:30:00Z"));
    }

    @Test
    void configurationErrorsStopTheStart() {
        KeyDateProperties unknownKind = new KeyDateProperties();
        unknownKind.getRules().put("tax-return", new KeyDateProperties.Rule());
        assertThatThrownBy(() -> policy(unknownKind)).isInstanceOf(IllegalStateException.class).hasMessageContaining("tax-return");

        KeyDateProperties negative = new KeyDateProperties();
        KeyDateProperties.Rule bad = new KeyDateProperties.Rule();
        bad.setOffsets(List.of(-1));
        negative.getRules().put("visa-expiry", bad);
        assertThatThrownBy(() -> policy(negative)).isInstanceOf(IllegalStateException.class).hasMessageContaining("visa-expiry.offsets");

        KeyDateProperties zone = new KeyDateProperties();
        zone.getZones().put("DE", "Mars/Olympus");
        assertThatThrownBy(() -> policy(zone)).isInstanceOf(IllegalStateException.class).hasMessageContaining("zones.DE");

        KeyDateProperties time = new KeyDateProperties();
        time.setReminderTime("8 o'clock");
        assertThatThrownBy(() -> policy(time)).isInstanceOf(IllegalStateException.class).hasMessageContaining("reminder-time");

        KeyDateProperties mailbox = new KeyDateProperties();
        mailbox.getMailboxes().put("hr", "nobody");
        assertThatThrownBy(() -> policy(mailbox)).isInstanceOf(IllegalStateException.class).hasMessageContaining("mailboxes.hr");
    }
}
