package org.relocation.benefits;

import org.relocation.platform.worker.BpmnError;
import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.VendorService;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Topic determine-benefits-coverage: where the benefits provider covers the host country, orders the
 * host enrolment; elsewhere raises no-host-coverage so HR arranges international cover.
 */
@Component
class DetermineBenefitsCoverageWorker extends CaseWorker {

    static final String NO_HOST_COVERAGE = "no-host-coverage";

    private final CaseService cases;
    private final VendorService vendors;
    private final BenefitsProperties properties;

    DetermineBenefitsCoverageWorker(CaseService cases, VendorService vendors, BenefitsProperties properties) {
        this.cases = cases;
        this.vendors = vendors;
        this.properties = properties;
    }

    @Override
    public String topic() {
        return "determine-benefits-coverage";
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        RelocationCase c = cases.get(task.caseId());
        if (!properties.covers(c.getHostCountry())) {
            throw new BpmnError(NO_HOST_COVERAGE, "The benefits provider has no plan in " + c.getHostCountry());
        }
        vendors.order(c.getId(), ServiceType.BENEFITS_ENROLMENT, task.taskId(), "Host enrolment in " + c.getHostCountry());
        return Map.of();
    }
}
