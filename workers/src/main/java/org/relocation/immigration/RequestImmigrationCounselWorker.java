package org.relocation.immigration;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.VendorService;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Topic request-immigration-counsel: hands the case to immigration counsel; the decision comes back as a message. */
@Component
class RequestImmigrationCounselWorker extends CaseWorker {

    /** The counsel branch (multi-instance loop counter): which traveller needing a permit this order is for. */
    static final String LOOP_COUNTER = "loopCounter";

    private final VendorService vendors;
    private final ImmigrationService immigration;

    RequestImmigrationCounselWorker(VendorService vendors, ImmigrationService immigration) {
        this.vendors = vendors;
        this.immigration = immigration;
    }

    @Override
    public java.util.List<String> inputVariables() {
        return java.util.List.of(LOOP_COUNTER);
    }

    @Override
    public String topic() {
        return "request-immigration-counsel";
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        Long traveller = immigration.travellerNeedingPermit(task.caseId(), task.requiredInt(LOOP_COUNTER));
        vendors.order(task.caseId(), traveller, ServiceType.IMMIGRATION_COUNSEL, task.taskId(), immigration.counselBrief(task.caseId(), traveller));
        return Map.of();
    }
}
