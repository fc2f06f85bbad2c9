package org.relocation.housing;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.VendorService;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Topic book-temporary-housing: orders temporary accommodation; the vendor confirms with a message. */
@Component
class BookTemporaryHousingWorker extends CaseWorker {

    private final VendorService vendors;

    BookTemporaryHousingWorker(VendorService vendors) {
        this.vendors = vendors;
    }

    @Override
    public String topic() {
        return "book-temporary-housing";
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        vendors.order(task.caseId(), ServiceType.TEMPORARY_HOUSING, task.taskId(), "Serviced apartment near the host office");
        return Map.of();
    }
}
