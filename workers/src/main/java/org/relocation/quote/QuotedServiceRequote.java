package org.relocation.quote;

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
import java.util.Objects;
import java.util.Optional;

/**
 * A shipment or destination service chosen on quotes, re-quoted after its vendor missed an SLA or refused
 * (docs/journey.md "Vendor SLAs"): possible where the order's item was quoted (the services policy quotes it and two or
 * more vendors covered the city), the calling process still waits for the item's confirmation, no re-quote of it runs,
 * and at least one other active vendor can quote ({@link ServiceQuotes#requoteVendors}: not the breaching vendor, nor one
 * that declined or whose order was withdrawn or refused). {@link org.relocation.vendor.VendorSlas} withdraws the order;
 * this starts relocation-service-quotes for the item at its message start event: the other vendors are asked, the
 * specialist chooses again, and the chosen vendor's order, confirmed with the service's message, ends the wait.
 * Temporary housing has its own ({@code housing.HousingRequote}).
 */
@Component
class QuotedServiceRequote implements ServiceRequote {

    /** The field of resolve-vendor-delay a refusal names. */
    static final String CHOICE = "vendorDelayChoice";

    private final ServiceQuotes quotes;
    private final CaseService cases;
    /** Empty in the standalone workers (no engine of their own): nothing is re-quoted there. */
    private final Optional<ServiceQuoteProcess> process;

    QuotedServiceRequote(ServiceQuotes quotes, CaseService cases, Optional<ServiceQuoteProcess> process) {
        this.quotes = quotes;
        this.cases = cases;
        this.process = process;
    }

    @Override
    public boolean covers(ServiceType type) {
        return type != ServiceType.TEMPORARY_HOUSING && type.switchable();
    }

    @Override
    public Plan plan(ServiceOrder order) {
        if (process.isEmpty()) {
            return Plan.refused("No process engine runs here to re-quote the service");
        }
        Optional<String> item = item(order);
        if (item.isEmpty()) {
            return Plan.refused("This " + what(order) + " was not chosen on quotes (the services policy does not quote it, or one vendor "
                    + "covered the city), so it cannot be re-quoted");
        }
        RelocationCase c = cases.get(order.getCaseId());
        if (!process.get().awaitsConfirmation(c.getCaseNumber(), order.getMessageName())) {
            return Plan.refused("The case's process is not waiting for this " + what(order) + "'s confirmation, so it cannot go back to quotes");
        }
        if (process.get().quoting(c.getCaseNumber(), item.get())) {
            return Plan.refused("This " + what(order) + " is being quoted already");
        }
        List<Vendor> vendors = quotes.requoteVendors(c.getId(), order.getServiceType(), order.getTravellerId(), order.getVendorId());
        if (vendors.isEmpty()) {
            return Plan.refused("No other active vendor covering the host city can quote (vendors that declined or whose order was "
                    + "withdrawn or refused are not asked again)");
        }
        return new Plan(vendors.stream().map(Vendor::getName).toList(), null);
    }

    @Override
    public void requote(ServiceOrder order) {
        RelocationCase c = cases.get(order.getCaseId());
        String item = item(order).orElseThrow(() -> new SubmissionRefusedException(Map.of(CHOICE,
                "This " + what(order) + " was not chosen on quotes, so it cannot be re-quoted: choose to wait or to switch")));
        if (process.isEmpty() || !process.get().requote(c.getCaseNumber(), c.getId(), item)) {
            throw new SubmissionRefusedException(Map.of(CHOICE,
                    "The case's process is no longer waiting for this " + what(order) + ": choose to wait or to switch"));
        }
    }

    /** The item the order was quoted as: the latest quote of the case for its service and traveller; empty: never quoted. */
    private Optional<String> item(ServiceOrder order) {
        List<ServiceQuote> ofService = quotes.ofCase(order.getCaseId()).stream()
                .filter(q -> q.getServiceType() == order.getServiceType() && Objects.equals(q.getTravellerId(), order.getTravellerId()))
                .toList();
        return ofService.isEmpty() ? Optional.empty() : Optional.ofNullable(ofService.get(ofService.size() - 1).getItem());
    }

    private static String what(ServiceOrder order) {
        return order.getServiceType().name().toLowerCase().replace('_', ' ');
    }
}
