package org.relocation.housing;

import org.relocation.destination.DestinationServices;
import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.VendorService;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Topic book-household-shipment: orders the household-goods move with the services policy's volume allowance, origin
 * and destination; the mover confirms with a message.
 */
@Component
class BookHouseholdShipmentWorker extends CaseWorker {

    private final VendorService vendors;
    private final DestinationServices services;

    BookHouseholdShipmentWorker(VendorService vendors, DestinationServices services) {
        this.vendors = vendors;
        this.services = services;
    }

    @Override
    public String topic() {
        return "book-household-shipment";
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        vendors.order(task.caseId(), ServiceType.HOUSEHOLD_SHIPMENT, task.taskId(), services.householdGoodsOrder(task.caseId()));
        return Map.of();
    }
}
