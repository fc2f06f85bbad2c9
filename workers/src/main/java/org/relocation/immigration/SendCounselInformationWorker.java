package org.relocation.immigration;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.relocation.vendor.VendorService;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Topic send-counsel-information: tells immigration counsel that the information it requested for a
 * traveller's application is available; the branch then waits for the decision again.
 */
@Component
class SendCounselInformationWorker extends CaseWorker {

    private final VendorService vendors;
    private final ImmigrationService immigration;

    SendCounselInformationWorker(VendorService vendors, ImmigrationService immigration) {
        this.vendors = vendors;
        this.immigration = immigration;
    }

    @Override
    public String topic() {
        return "send-counsel-information";
    }

    @Override
    public List<String> inputVariables() {
        return List.of(RequestImmigrationCounselWorker.LOOP_COUNTER, "informationSummary");
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        Long traveller = immigration.travellerNeedingPermit(task.caseId(), task.requiredInt(RequestImmigrationCounselWorker.LOOP_COUNTER));
        vendors.informationProvided(task.caseId(), traveller, task.requiredString("informationSummary"));
        return Map.of();
    }
}
