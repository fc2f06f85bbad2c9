package org.relocation.keydate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relocation.notification.NotificationProperties;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.CaseStatus;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.relocationcase.Traveller;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.test.util.ReflectionTestUtils;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Registering key dates: idempotent per traveller and kind, a moved date re-plans, and standalone workers leave it to the server. */
class KeyDateServiceRegisterTest {

    private final KeyDateRepository keyDates = mock(KeyDateRepository.class);
    private final CaseService cases = mock(CaseService.class);
    private final RelocationCase relocationCase = mock(RelocationCase.class);
    private final Traveller employee = mock(Traveller.class);
    private final Traveller partner = mock(Traveller.class);
    private final KeyDateFollowUp engine = mock(KeyDateFollowUp.class);
    private final List<KeyDate> rows = new ArrayList<>();
    private final List<String> started = new ArrayList<>();
    private KeyDateFollowUp available;
    private KeyDateService service;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        KeyDateProperties p = new KeyDateProperties();
        ObjectProvider<KeyDateFollowUp> followUp = mock(ObjectProvider.class);
        available = engine;
        when(followUp.getIfAvailable()).thenAnswer(i -> available);
        service = new KeyDateService(keyDates, mock(KeyDateReminderRepository.class), mock(KeyDateQueryRepository.class), cases,
                new ReminderPolicy(p, new BusinessCalendar(p)), followUp, mock(ObjectProvider.class), new NotificationProperties(),
                Clock.fixed(Instant.parse("2030-01-10T12:00:00Z"), ZoneOffset.UTC));
        when(cases.get(any())).thenReturn(relocationCase);
        when(relocationCase.getId()).thenReturn(7L);
        when(relocationCase.getCaseNumber()).thenReturn("RC-2030-000007");
        when(relocationCase.getStatus()).thenReturn(CaseStatus.IN_PROGRESS);
        when(relocationCase.getHostCountry()).thenReturn("DE");
        when(relocationCase.employee()).thenReturn(employee);
        when(relocationCase.getTravellers()).thenReturn(List.of(employee, partner));
        when(employee.getId()).thenReturn(70L);
        when(partner.getId()).thenReturn(71L);
        when(keyDates.save(any())).thenAnswer(i -> {
            KeyDate k = i.getArgument(0);
            ReflectionTestUtils.setField(k, "id", 100L + rows.size());
            rows.add(k);
            return k;
        });
        when(keyDates.findByCaseIdAndTravellerIdAndKind(any(), any(), any())).thenAnswer(i -> rows.stream()
                .filter(k -> k.getTravellerId().equals(i.getArgument(1)) && k.getKind().equals(i.getArgument(2))).findFirst());
        when(keyDates.findByCaseIdOrderById(any())).thenAnswer(i -> List.copyOf(rows));
        when(keyDates.findById(anyLong())).thenAnswer(i -> rows.stream().filter(k -> k.getId().equals(i.getArgument(0))).findFirst());
        when(engine.start(any(), any(), any())).thenAnswer(i -> {
            started.add("pi-" + started.size());
            return started.get(started.size() - 1);
        });
    }

    @Test
    void oneKeyDatePerTravellerAndKindFollowedByOneInstanceUntilTheDateMoves() {
        KeyDate employeePermit = service.register(7L, null, "permit-expiry", LocalDate.parse("2032-01-31"), "Permit expires");
        KeyDate partnerPermit = service.register(7L, 71L, "permit-expiry", LocalDate.parse("2032-03-31"), null);
        assertThat(rows).hasSize(2);
        assertThat(employeePermit.getTravellerId()).isEqualTo(70L);
        assertThat(employeePermit.getProcessInstanceId()).isEqualTo("pi-0");
        assertThat(partnerPermit.getProcessInstanceId()).isEqualTo("pi-1");
        verify(engine).start("RC-2030-000007", 7L, employeePermit.getId());

        service.register(7L, 70L, "permit-expiry", LocalDate.parse("2032-01-31"), "Permit expires");
        assertThat(started).as("same date again: nothing re-planned").hasSize(2);

        KeyDate moved = service.register(7L, 70L, "permit-expiry", LocalDate.parse("2034-01-31"), "Renewed");
        assertThat(moved).isSameAs(employeePermit);
        verify(engine).stop("pi-0", "Key date rescheduled");
        assertThat(moved.getProcessInstanceId()).isEqualTo("pi-2");
        assertThat(moved.getPlannedDueDate()).isEqualTo(LocalDate.parse("2034-01-31"));
        assertThat(rows).hasSize(2);
    }

    @Test
    void aPastDateIsRecordedButNotFollowed() {
        KeyDate past = service.register(7L, null, "passport-expiry", LocalDate.parse("2030-01-09"), null);
        assertThat(past.getProcessInstanceId()).isNull();
        assertThat(past.needsPlanning()).isFalse();
        verify(engine, never()).start(any(), any(), any());
    }

    @Test
    void withoutAnEngineTheDateWaitsForTheServerToPlanIt() {
        available = null; // standalone workers
        KeyDate k = service.register(7L, null, "assignment-end", LocalDate.parse("2031-06-30"), null);
        assertThat(k.needsPlanning()).isTrue();
        available = engine; // the server, when the worker's task completes
        service.followPending(7L);
        assertThat(k.getProcessInstanceId()).isEqualTo("pi-0");
        assertThat(k.needsPlanning()).isFalse();
    }

    @Test
    void anEndedCaseStopsItsFollowUps() {
        KeyDate k = service.register(7L, null, "assignment-end", LocalDate.parse("2031-06-30"), null);
        String instance = k.getProcessInstanceId();
        when(relocationCase.getStatus()).thenReturn(CaseStatus.CANCELLED);
        service.caseEnded(7L);
        verify(engine).stop(instance, "Case ended");
        assertThat(k.getProcessInstanceId()).isNull();
        assertThat(k.needsPlanning()).as("not re-planned later").isFalse();
    }

    @Test
    void theApiReportsEveryBadFieldAndWritesNothing() {
        assertThatThrownBy(() -> service.register(new KeyDateService.Registration(7L, 99L, "tax-return", null, "x\ny")))
                .isInstanceOfSatisfying(InvalidKeyDateException.class, e -> assertThat(e.getFieldErrors())
                        .containsOnlyKeys("kind", "dueDate", "travellerId", "note"));
        assertThatThrownBy(() -> service.register(new KeyDateService.Registration(7L, null, "entry-deadline", LocalDate.parse("2030-01-09"), null)))
                .isInstanceOfSatisfying(InvalidKeyDateException.class, e -> assertThat(e.getFieldErrors())
                        .isEqualTo(Map.of("dueDate", "must not be in the past for entry-deadline")));
        assertThat(rows).isEmpty();
        verify(engine, never()).start(any(), any(), any());
    }

    @Test
    void codeMayRegisterKindsWithoutARuleButNotMalformedOnes() {
        KeyDate other = service.register(7L, null, "works-council-consultation", LocalDate.parse("2031-06-30"), null);
        assertThat(other.getProcessInstanceId()).isNotNull();
        assertThat(service.plan(other.getId(), Instant.parse("2031-01-01T00:00:00Z")).nextReminder().offsetDays()).isEqualTo(30);
        assertThatThrownBy(() -> service.register(7L, null, "Not A Kind", LocalDate.parse("2031-06-30"), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(service.find(other.getId())).containsSame(other);
    }
}
