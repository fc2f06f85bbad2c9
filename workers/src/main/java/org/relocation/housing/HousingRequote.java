package org.relocation.housing;

import org.relocation.platform.form.SubmissionRefusedException;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.vendor.ServiceOrder;
import org.relocation.vendor.ServiceRequote;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.Vendor;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Temporary housing re-quoted after its vendor missed an SLA or refused (docs/journey.md "Vendor SLAs"): possible while
 * the case's housing process waits for the stay's confirmation, the policy grants nights to quote for, and at least one
 * other active housing vendor covering the host city can quote ({@link HousingQuotes#requoteVendors}: not the breaching
 * vendor, nor one that declined a quote or whose order was withdrawn or refused for this case). The order is withdrawn by
 * {@link org.relocation.vendor.VendorSlas}; this sends the housing process back to book-temporary-housing, which asks
 * those vendors for quotes; the specialist chooses again and the chosen vendor receives a new order.
 */
@Component
class HousingRequote implements ServiceRequote {

    /** The field of resolve-vendor-delay a refusal names. */
    static final String CHOICE = "vendorDelayChoice";

    private final HousingQuotes quotes;
    private final CaseService cases;
    /** Empty in the standalone workers (no engine of their own): nothing is re-quoted there. */
    private final Optional<HousingRequoteProcess> process;

    HousingRequote(HousingQuotes quotes, CaseService cases, Optional<HousingRequoteProcess> process) {
        this.quotes = quotes;
        this.cases = cases;
        this.process = process;
    }

    @Override
    public boolean covers(ServiceType type) {
        return type == ServiceType.TEMPORARY_HOUSING;
    }

    @Override
    public Plan plan(ServiceOrder order) {
        if (process.isEmpty()) {
            return Plan.refused("No process engine runs here to re-quote the stay");
        }
        RelocationCase c = cases.get(order.getCaseId());
        if (!process.get().awaitsConfirmation(c.getCaseNumber())) {
            return Plan.refused("The case's housing process is not waiting for this stay's confirmation, so it cannot go back to quotes");
        }
        if (quotes.stay(c.getId()).isEmpty()) {
            return Plan.refused("The case's policy grants no temporary-housing nights to quote for");
        }
        List<Vendor> vendors = quotes.requoteVendors(c.getId(), order.getVendorId());
        if (vendors.isEmpty()) {
            return Plan.refused("No other active housing vendor covering the host city can quote (quotes are not used where the city has "
                    + "one vendor; vendors that declined or whose order was withdrawn or refused are not asked again)");
        }
        return new Plan(vendors.stream().map(Vendor::getName).toList(), null);
    }

    @Override
    public void requote(ServiceOrder order) {
        String caseNumber = cases.get(order.getCaseId()).getCaseNumber();
        if (process.isEmpty() || !process.get().requote(caseNumber)) {
            throw new SubmissionRefusedException(Map.of(CHOICE,
                    "The case's housing process is no longer waiting for this stay's confirmation: choose to wait or to switch"));
        }
    }
}
