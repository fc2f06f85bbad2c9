package org.relocation.immigration;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.relocation.vendor.VendorService;
import org.springframework.stereotype.Component;

import java.util.List;
import org.relocation.relocationcase.TaskSubmissions;
import java.util.Map;

/**
 * Topic send-counsel-information: tells immigration counsel that the information it requested for a
 * traveller's application is available; the branch then waits for the decision again.
 */
@Component
class SendCounselInformationWorker extends CaseWorker {

    /** The specialist's answer to counsel's request: read from the case records, never a process variable. */
    static final String ANSWER_FORM = "answer-counsel-request";

    private final VendorService vendors;
    private final ImmigrationService immigration;
    private final TaskSubmissions submissions;

    SendCounselInformationWorker(VendorService vendors, ImmigrationService immigration, TaskSubmissions submissions) {
        this.vendors = vendors;
        this.immigration = immigration;
        this.submissions = submissions;
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
        Object summary = submissions.latest(task.caseId(), ANSWER_FORM, java.util.Map.of(RequestImmigrationCounselWorker.LOOP_COUNTER, branch))
                .map(s -> s.fields().get("informationSummary"))
                .orElseThrow(() -> new IllegalStateException("No answer to counsel's request is recorded for branch " + branch));
        vendors.informationProvided(task.caseId(), traveller, summary.toString());
        return Map.of();
    }
}
