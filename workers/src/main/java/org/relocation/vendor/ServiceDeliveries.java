package org.relocation.vendor;

import org.relocation.relocationcase.CaseNotFoundException;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Deliveries of a case's service orders, confirmed and rated by the case's employee (or a mobility specialist or admin
 * on their behalf): once per order, for an order its vendor confirmed (CONFIRMED, or APPROVED by immigration counsel).
 * Every bad field is an {@link InvalidDeliveryException} naming it; nothing is written.
 */
@Service
public class ServiceDeliveries {

    /** Longest comment, in characters. */
    public static final int MAX_COMMENT = 500;
    /** The order statuses a delivery may be confirmed for: the vendor confirmed the order. */
    public static final Set<ServiceOrder.Status> DELIVERABLE = EnumSet.of(ServiceOrder.Status.CONFIRMED, ServiceOrder.Status.APPROVED);

    /** What is confirmed: the day of delivery (UTC calendar), a rating 1-5 and an optional comment. */
    public record Confirmation(LocalDate deliveredOn, Integer rating, String comment) {
    }

    /** Who confirms: the user, and whether their role may act for the case's employee (specialist, admin). */
    public record Actor(String userId, boolean onBehalf) {
    }

    private final ServiceOrderRepository orders;
    private final ServiceDeliveryRepository deliveries;
    private final CaseService cases;
    private final Clock clock;

    ServiceDeliveries(ServiceOrderRepository orders, ServiceDeliveryRepository deliveries, CaseService cases, Clock clock) {
        this.orders = orders;
        this.deliveries = deliveries;
        this.cases = cases;
        this.clock = clock;
    }

    /**
     * Confirms the delivery of the case's order of that reference. Unknown case or order, or a case not the actor's own
     * when they may not act on the employee's behalf: not found. Already confirmed, or the order not confirmed by its
     * vendor: {@link DeliveryConflictException}.
     */
    @Transactional
    public ServiceDelivery confirm(long caseId, String reference, Confirmation confirmation, Actor actor) {
        RelocationCase c = cases.get(caseId);
        if (!actor.onBehalf() && (actor.userId() == null || !actor.userId().equals(c.getEmployeeUserId()))) {
            throw new CaseNotFoundException(caseId); // another employee's case: as if it did not exist
        }
        ServiceOrder order = orders.findByReference(reference).filter(o -> o.getCaseId().equals(caseId))
                .orElseThrow(() -> new ServiceOrderNotFoundException(caseId));
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate ordered = order.getRequestedAt().atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate on = confirmation == null ? null : confirmation.deliveredOn();
        if (on == null) {
            errors.put("deliveredOn", "is required (YYYY-MM-DD)");
        } else if (on.isAfter(today)) {
            errors.put("deliveredOn", "must not be in the future");
        } else if (on.isBefore(ordered)) {
            errors.put("deliveredOn", "must not be before the order was placed (" + ordered + ")");
        }
        Integer rating = confirmation == null ? null : confirmation.rating();
        if (rating == null || rating < 1 || rating > 5) {
            errors.put("rating", "must be a whole number from 1 to 5");
        }
        String comment = confirmation == null || confirmation.comment() == null || confirmation.comment().isBlank()
                ? null : confirmation.comment().strip();
        if (comment != null && comment.length() > MAX_COMMENT) {
            errors.put("comment", "must be at most " + MAX_COMMENT + " characters");
        } else if (comment != null && comment.chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n' && ch != '\t')) {
            errors.put("comment", "must not contain control characters");
        }
        if (!errors.isEmpty()) {
            throw new InvalidDeliveryException(errors);
        }
        if (!DELIVERABLE.contains(order.getStatus())) {
            throw new DeliveryConflictException("The order is " + order.getStatus() + ": only an order its vendor confirmed can be delivered");
        }
        if (deliveries.findByServiceOrderId(order.getId()).isPresent()) {
            throw new DeliveryConflictException("The delivery of this order was already confirmed");
        }
        // saveAndFlush: a confirmation at the same moment breaks uk_delivery_order here, inside the request
        return deliveries.saveAndFlush(new ServiceDelivery(order, on, rating, comment, actor.userId(), clock.instant()));
    }

    /** The confirmed deliveries of a case, by order id. */
    @Transactional(readOnly = true)
    public Map<Long, ServiceDelivery> ofCase(long caseId) {
        List<ServiceDelivery> all = deliveries.findByCaseId(caseId);
        return all.stream().collect(Collectors.toMap(ServiceDelivery::getServiceOrderId, Function.identity()));
    }
}
