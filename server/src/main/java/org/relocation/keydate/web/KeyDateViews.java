package org.relocation.keydate.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.relocation.keydate.KeyDate;
import org.relocation.keydate.KeyDateReminder;
import org.relocation.keydate.UpcomingKeyDate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the key-date API answers: no names, only case numbers, kinds, dates and the traveller's relationship. */
final class KeyDateViews {

    private KeyDateViews() {
    }

    @Schema(name = "UpcomingKeyDate")
    record Item(Long id, Long caseId, String caseNumber, String caseStatus, String hostCountry, Long travellerId,
                String relationship, String kind, LocalDate dueDate, String note, String processInstanceId) {
        static Item of(UpcomingKeyDate k) {
            return new Item(k.id(), k.caseId(), k.caseNumber(), k.caseStatus().name(), k.hostCountry(), k.travellerId(),
                    k.relationship() == null ? null : k.relationship().name(), k.kind(), k.dueDate(), k.note(), k.processInstanceId());
        }
    }

    /** One key date: where its follow-up stands (the engine timers waiting, with their due instants) and the reminders sent. */
    @Schema(name = "KeyDateDetails")
    record Details(Long id, Long caseId, String caseNumber, String hostCountry, Long travellerId, String kind, LocalDate dueDate,
                   String note, String processInstanceId, List<Timer> timers, List<Reminder> reminders) {
    }

    @Schema(name = "KeyDateTimer")
    record Timer(String activityId, Instant dueAt) {
    }

    @Schema(name = "KeyDateReminder")
    record Reminder(LocalDate dueDate, int offsetDays, String recipientRole, String status, Instant sentAt) {
        static Reminder of(KeyDateReminder r) {
            return new Reminder(r.getDueDate(), r.getOffsetDays(), r.getRecipientRole(), r.getStatus(), r.getSentAt());
        }
    }

    /** The body of POST /api/key-dates. */
    @Schema(name = "KeyDateRegistration")
    record Request(Long caseId, Long travellerId, String kind, LocalDate dueDate, String note) {
    }

    static Details details(KeyDate k, String caseNumber, String hostCountry, List<Timer> timers, List<KeyDateReminder> reminders) {
        return new Details(k.getId(), k.getCaseId(), caseNumber, hostCountry, k.getTravellerId(), k.getKind(), k.getDueDate(), k.getNote(),
                k.getProcessInstanceId(), timers, reminders.stream().map(Reminder::of).toList());
    }
}
