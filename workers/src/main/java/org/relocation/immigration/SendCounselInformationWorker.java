package org.relocation.immigration;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Topic send-counsel-information: tells immigration counsel that the information it requested for a
 * traveller's application is available, with the specialist's summary as recorded in the case (the
 * {@link CounselNote} of form answer-counsel-request, never a process variable); the branch then waits for the
 * decision again.
 */
@Component
class SendCounselInformationWorker extends CaseWorker {

    private final ImmigrationService immigration;
    private final CounselNotes notes;

    SendCounselInformationWorker(ImmigrationService immigration, CounselNotes notes) {
        this.immigration = immigration;
        this.notes = notes;
    }

    @Override
    public String topic() {
        return "send-counsel-information";
    }

    @Override
    public List<String> inputVariables() {
        return List.of(RequestImmigrationCounselWorker.LOOP_COUNTER);
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        int branch = task.requiredInt(RequestImmigrationCounselWorker.LOOP_COUNTER);
        Long traveller = immigration.travellerNeedingPermit(task.caseId(), branch);
        notes.sendInformation(task.caseId(), traveller);
        return Map.of();
    }
}
