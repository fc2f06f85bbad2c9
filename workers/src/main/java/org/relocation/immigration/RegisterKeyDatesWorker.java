package org.relocation.immigration;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Topic register-key-dates: assignment end and right-to-work recheck go into the key-date register. */
@Component
class RegisterKeyDatesWorker extends CaseWorker {

    private final ImmigrationService immigration;

    RegisterKeyDatesWorker(ImmigrationService immigration) {
        this.immigration = immigration;
    }

    @Override
    public String topic() {
        return "register-key-dates";
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        immigration.registerKeyDates(task.caseId());
        return Map.of();
    }
}
