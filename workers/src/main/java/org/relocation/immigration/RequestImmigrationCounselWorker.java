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

    private final VendorService vendors;

    RequestImmigrationCounselWorker(VendorService vendors) {
        this.vendors = vendors;
    }

    @Override
    public String topic() {
        return "request-immigration-counsel";
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        vendors.order(task.caseId(), ServiceType.IMMIGRATION_COUNSEL, task.taskId(), "Work permit application");
        return Map.of();
    }
}
