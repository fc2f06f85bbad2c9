package org.relocation.keydate;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** Topic send-key-date-reminder: the reminder of offset {@code reminderOffsetDays} goes to the kind's recipients, once each. */
@Component
class SendKeyDateReminderWorker extends CaseWorker {

    private final KeyDateService keyDates;

    SendKeyDateReminderWorker(KeyDateService keyDates) {
        this.keyDates = keyDates;
    }

    @Override
    public String topic() {
        return "send-key-date-reminder";
    }

    @Override
    public List<String> inputVariables() {
        return List.of(KeyDateFollowUp.KEY_DATE_ID, "reminderOffsetDays");
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        int offset;
        try {
            offset = Integer.parseInt(task.requiredString("reminderOffsetDays"));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("External task " + task.taskId() + " has no numeric reminderOffsetDays");
        }
        keyDates.sendReminder(PlanKeyDateWorker.keyDateId(task), offset);
        return Map.of();
    }
}
