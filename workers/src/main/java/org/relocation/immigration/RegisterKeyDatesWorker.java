package org.relocation.immigration;

import org.relocation.keydate.KeyDateService;
import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Topic register-key-dates: at arrival, the assignment end and the right-to-work recheck go into the key-date
 * register, each followed by its own reminder process (see {@link KeyDateService}).
 */
@Component
class RegisterKeyDatesWorker extends CaseWorker {

    private final KeyDateService keyDates;

    RegisterKeyDatesWorker(KeyDateService keyDates) {
        this.keyDates = keyDates;
    }

    @Override
    public String topic() {
        return "register-key-dates";
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        keyDates.registerCaseKeyDates(task.caseId());
        return Map.of();
    }
}
