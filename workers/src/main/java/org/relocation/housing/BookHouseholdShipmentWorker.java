package org.relocation.housing;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.VendorService;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Topic book-household-shipment: orders the household-goods move; the mover confirms with a message. */
@Component
class BookHouseholdShipmentWorker extends CaseWorker {

    private final VendorService vendors;

    BookHouseholdShipmentWorker(VendorService vendors) {
        this.vendors = vendors;
    }

    @Override
    public String topic() {
        return "book-household-shipment";
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        vendors.order(task.caseId(), ServiceType.HOUSEHOLD_SHIPMENT, task.taskId(), "Door-to-door household goods shipment");
        return Map.of();
    }
}
