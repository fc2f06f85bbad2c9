package org.relocation.vendor;

import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.relocationcase.TimelineEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Places orders with vendors exactly once per request key and records their answers. */
@Service
public class VendorService {

    private static final Logger log = LoggerFactory.getLogger(VendorService.class);
    private static final Set<String> ANSWERS = Set.of("CONFIRMED", "APPROVED", "REFUSED");

    private final ServiceOrderRepository orders;
    private final VendorGateway gateway;
    private final CaseService cases;
    private final Clock clock;

    VendorService(ServiceOrderRepository orders, VendorGateway gateway, CaseService cases,
                  Clock clock) {
        this.orders = orders;
        this.gateway = gateway;
        this.cases = cases;
        this.clock = clock;
    }

    /**
     * Orders a service for a case. The request key (the external task id) makes a redelivered task reuse
     * its order: the vendor is called until it accepted the order once, never after.
     */
    @Transactional
    public ServiceOrder order(Long caseId, ServiceType type, String requestKey, String detail) {
        RelocationCase c = cases.get(caseId);
        ServiceOrder order = orders.findByRequestKey(requestKey).orElseGet(() -> orders.save(new ServiceOrder(
                caseId, type, "SO-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase(), requestKey, detail, clock.instant())));
        if (order.getStatus() == ServiceOrder.Status.NEW) {
            gateway.send(type.vendor(), new VendorRequest(order.getReference(), type.name(), c.getCaseNumber(),
                    c.getHostCountry(), c.getHostCity(), c.getStartDate(), c.getEndDate(), c.getTravellers().size(), detail));
            order.sent();
            log.info("Order {} ({}) sent to {} for case {}", order.getReference(), type, type.vendor(), c.getCaseNumber());
        }
        return order;
    }

    /**
     * Records a vendor's answer. Unknown orders, orders of another vendor, and orders already answered
     * are rejected and change nothing.
     */
    @Transactional
    public AcceptedCallback accept(String vendor, VendorCallback callback) {
        if (callback.reference() == null || callback.status() == null || !ANSWERS.contains(callback.status())) {
            throw new CallbackRejectedException(CallbackRejectedException.Reason.INVALID,
                    "reference and status (CONFIRMED, APPROVED or REFUSED) are required");
        }
        if (callback.costAmount() != null && (callback.costAmount().signum() < 0 || callback.costCurrency() == null
                || Currency.getAvailableCurrencies().stream().noneMatch(cur -> cur.getCurrencyCode().equals(callback.costCurrency())))) {
            throw new CallbackRejectedException(CallbackRejectedException.Reason.INVALID,
                    "costAmount must not be negative and needs an ISO 4217 costCurrency");
        }
        ServiceOrder order = orders.findByReference(callback.reference())
                .filter(o -> o.getVendor().equals(vendor))
                .orElseThrow(() -> new CallbackRejectedException(CallbackRejectedException.Reason.UNKNOWN_ORDER,
                        "No order " + callback.reference() + " for vendor " + vendor));
        if (order.getStatus() != ServiceOrder.Status.SENT) {
            throw new CallbackRejectedException(CallbackRejectedException.Reason.ALREADY_ANSWERED,
                    "Order " + order.getReference() + " was already answered (" + order.getStatus() + ")");
        }
        ServiceOrder.Status answer = ServiceOrder.Status.valueOf(callback.status());
        boolean permitDecision = order.getServiceType() == ServiceType.IMMIGRATION_COUNSEL;
        if (permitDecision == (answer == ServiceOrder.Status.CONFIRMED)) {
            throw new CallbackRejectedException(CallbackRejectedException.Reason.INVALID,
                    permitDecision ? "an immigration decision is APPROVED or REFUSED" : "this order is answered with CONFIRMED");
        }
        order.answered(answer, callback.vendorReference(), callback.costAmount(), callback.costCurrency(), clock.instant());
        Map<String, Object> variables = new HashMap<>();
        if (permitDecision) {
            boolean granted = answer == ServiceOrder.Status.APPROVED;
            variables.put("permitGranted", granted);
        }
        RelocationCase c = cases.get(order.getCaseId());
        cases.recordStep(c.getId(), TimelineEntry.Kind.CALLBACK_RECEIVED, order.getMessageName(),
                order.getServiceType().name() + " " + answer.name().toLowerCase(), null, vendor);
        return new AcceptedCallback(c.getId(), c.getCaseNumber(), order.getServiceType(), answer, order.getMessageName(), variables);
    }

    @Transactional(readOnly = true)
    public List<ServiceOrder> orders(Long caseId) {
        return orders.findByCaseIdOrderById(caseId);
    }
}
