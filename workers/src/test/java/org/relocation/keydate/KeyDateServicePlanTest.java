package org.relocation.keydate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relocation.notification.NotificationProperties;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.CaseStatus;
import org.relocation.relocationcase.RelocationCase;
import org.springframework.beans.factory.ObjectProvider;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** What the follow-up does next: the next unsent reminder, catching up only the latest of those already due. */
class KeyDateServicePlanTest {

    private final KeyDateRepository keyDates = mock(KeyDateRepository.class);
    private final KeyDateReminderRepository reminders = mock(KeyDateReminderRepository.class);
    private final CaseService cases = mock(CaseService.class);
    private final RelocationCase relocationCase = mock(RelocationCase.class);
    private final List<KeyDateReminder> sent = new ArrayList<>();
    private KeyDateService service;
    private KeyDate keyDate;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        KeyDateProperties p = new KeyDateProperties();
        service = new KeyDateService(keyDates, reminders, mock(KeyDateQueryRepository.class), cases,
                new ReminderPolicy(p, new BusinessCalendar(p)), mock(ObjectProvider.class), mock(ObjectProvider.class),
                new NotificationProperties(), Clock.fixed(Instant.parse("2035-06-01T00:00:00Z"), ZoneOffset.UTC));
        // permit-expiry on Sunday 2036-03-02 in DE: reminders 2035-12-03, 2036-01-02, 02-01, 02-24 at 08:00 CET; renewal 2035-11-03
        keyDate = new KeyDate(7L, 70L, "permit-expiry", LocalDate.parse("2036-03-02"), null, Instant.EPOCH);
        when(keyDates.findById(anyLong())).thenReturn(Optional.of(keyDate));
        when(cases.get(any())).thenReturn(relocationCase);
        when(relocationCase.getStatus()).thenReturn(CaseStatus.COMPLETED);
        when(relocationCase.getHostCountry()).thenReturn("DE");
        when(reminders.findByKeyDateIdAndDueDate(any(), any())).thenReturn(sent);
    }

    private void sent(int offset) {
        sent.add(new KeyDateReminder(1L, 7L, keyDate.getDueDate(), offset, ReminderRecipient.SPECIALIST, "x@example.com", "s", "RECORDED", Instant.EPOCH));
    }

    @Test
    void longBeforeTheDateTheFirstReminderAndTheRenewalAreAheadAtTheirOwnTimes() {
        KeyDateService.Plan plan = service.plan(1L, Instant.parse("2035-06-01T00:00:00Z"));
        assertThat(plan.active()).isTrue();
        assertThat(plan.nextReminder().offsetDays()).isEqualTo(90);
        assertThat(plan.nextReminderAt()).isEqualTo(Instant.parse("2035-12-03T07:00:00Z"));
        assertThat(plan.renewalAt()).isEqualTo(Instant.parse("2035-11-03T07:00:00Z"));
        assertThat(plan.dueAt()).isEqualTo(Instant.parse("2036-03-02T07:00:00Z"));
    }

    @Test
    void afterAReminderWasSentTheNextOneFollows() {
        sent(90);
        KeyDateService.Plan plan = service.plan(1L, Instant.parse("2035-12-03T07:00:01Z"));
        assertThat(plan.nextReminder().offsetDays()).isEqualTo(60);
        assertThat(plan.nextReminderAt()).isEqualTo(Instant.parse("2036-01-02T07:00:00Z"));
        assertThat(plan.renewalAt()).as("a renewal already due starts now").isEqualTo(Instant.parse("2035-12-03T07:00:01Z"));
    }

    @Test
    void aDateRegisteredLateSendsOnlyTheLatestDueReminderNowThenTheRest() {
        Instant now = Instant.parse("2036-02-10T12:00:00Z"); // 90, 60 and 30 days are past, 7 is ahead
        KeyDateService.Plan plan = service.plan(1L, now);
        assertThat(plan.nextReminder().offsetDays()).isEqualTo(30);
        assertThat(plan.nextReminderAt()).isEqualTo(now);
        sent(30);
        plan = service.plan(1L, now);
        assertThat(plan.nextReminder().offsetDays()).as("the stale 90 and 60 are skipped").isEqualTo(7);
        assertThat(plan.nextReminderAt()).isEqualTo(Instant.parse("2036-02-24T07:00:00Z"));
        sent(7);
        assertThat(service.plan(1L, Instant.parse("2036-02-24T07:00:01Z")).nextReminder()).isNull();
    }

    @Test
    void afterTheDateNothingIsPendingAndAnEndedCaseIsNotFollowed() {
        KeyDateService.Plan after = service.plan(1L, Instant.parse("2036-03-02T07:00:00Z"));
        assertThat(after.active()).isTrue();
        assertThat(after.nextReminder()).isNull();
        assertThat(after.renewalAt()).isNull();
        when(relocationCase.getStatus()).thenReturn(CaseStatus.CANCELLED);
        assertThat(service.plan(1L, Instant.parse("2035-06-01T00:00:00Z")).active()).isFalse();
        when(keyDates.findById(anyLong())).thenReturn(Optional.empty());
        assertThat(service.plan(1L, Instant.parse("2035-06-01T00:00:00Z")).active()).isFalse();
    }
}
