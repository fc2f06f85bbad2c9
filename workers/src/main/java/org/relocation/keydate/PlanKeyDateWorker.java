package org.relocation.keydate;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Topic plan-key-date: when the key date's follow-up acts next, as of the engine's clock (the task's local
 * input {@code plannedAt}). Sets {@code keyDateActive}, {@code reminderPending} with {@code nextReminderAt} and
 * {@code reminderOffsetDays}, {@code renewalRequired} with {@code renewalAt}, and {@code dueAt}: ISO-8601
 * instants the model's timers wait for.
 */
@Component
class PlanKeyDateWorker extends CaseWorker {

    static final String PLANNED_AT = "plannedAt";

    private final KeyDateService keyDates;

    PlanKeyDateWorker(KeyDateService keyDates) {
        this.keyDates = keyDates;
    }

    @Override
    public String topic() {
        return "plan-key-date";
    }

    @Override
    public List<String> inputVariables() {
        return List.of(KeyDateFollowUp.KEY_DATE_ID, PLANNED_AT);
    }

    @Override
    public List<String> outputVariables() {
        return List.of("keyDateActive", "reminderPending", "nextReminderAt", "reminderOffsetDays", "renewalRequired", "renewalAt", "dueAt");
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        Long keyDateId = keyDateId(task);
        Instant now;
        try {
            now = Instant.parse(task.requiredString(PLANNED_AT));
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("External task " + task.taskId() + " has no ISO-8601 instant in " + PLANNED_AT);
        }
        KeyDateService.Plan plan = keyDates.plan(keyDateId, now);
        Map<String, Object> v = new HashMap<>();
        v.put("keyDateActive", plan.active());
        v.put("reminderPending", plan.nextReminder() != null);
        v.put("nextReminderAt", plan.nextReminderAt() == null ? null : plan.nextReminderAt().toString());
        v.put("reminderOffsetDays", plan.nextReminder() == null ? null : String.valueOf(plan.nextReminder().offsetDays()));
        v.put("renewalRequired", plan.renewalAt() != null);
        v.put("renewalAt", plan.renewalAt() == null ? null : plan.renewalAt().toString());
        v.put("dueAt", plan.dueAt() == null ? null : plan.dueAt().toString());
        return v;
    }

    static Long keyDateId(CaseTask task) {
        String id = task.requiredString(KeyDateFollowUp.KEY_DATE_ID);
        try {
            return Long.valueOf(id);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("External task " + task.taskId() + " has no numeric " + KeyDateFollowUp.KEY_DATE_ID);
        }
    }
}
