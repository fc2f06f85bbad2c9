package org.relocation.vendor;

import org.relocation.keydate.BusinessCalendar;
import org.relocation.notification.NotificationService;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.relocationcase.TimelineEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The SLAs of vendor orders (docs/journey.md "Vendor SLAs"):
 * <ul>
 *   <li>deadlines ({@link #schedule}): an order awaiting a callback gets, when it is recorded, an acknowledgement
 *       deadline (the vendor's acknowledgementHours clock hours after the request), a confirmation and a delivery day
 *       (confirmationBusinessDays and deliveryBusinessDays business days of the vendor's country after the request day,
 *       UTC, with its public holidays: {@link BusinessCalendar}); a configured endpoint (no registered vendor) gets the
 *       defaults of {@link VendorSlaProperties} in the order's country;</li>
 *   <li>the watcher ({@link #check}, topic check-vendor-slas): an order past a deadline and still unanswered gets one
 *       reminder per breach (acknowledgement, then confirmation) through the {@link VendorGateway}; when the vendor is
 *       still silent {@code grace-business-days} after the reminder, a switchable order ({@link ServiceType#switchable()}:
 *       housing, moving, destination services) is escalated to the case's specialists
 *       (process relocation-vendor-escalation, task resolve-vendor-delay), once per breach. Other
 *       services are reminded only: their processes have follow-up timers of their own;</li>
 *   <li>the specialists' choice: wait until a new date ({@link #waitUntil}), switch to the next vendor
 *       ({@link #switchToNext}) or re-quote ({@link #requote}, where the {@link ServiceRequote} of the service says it is
 *       possible: the order is withdrawn as for a switch, and the feature requests new quotes);</li>
 *   <li>a refusal of a switchable order ({@link #refused}) switches to the next vendor at once, or escalates
 *       when none is left.</li>
 * </ul>
 * After a switch the process waiting for the service keeps waiting for the same message, so the new vendor's
 * confirmation correlates; after a re-quote it goes back to its quotes.
 */
@Service
public class VendorSlas {

    private static final Logger log = LoggerFactory.getLogger(VendorSlas.class);
    /** A replacement order not sent this long after it was recorded is sent again by the watcher. */
    static final Duration RESEND_AFTER = Duration.ofMinutes(5);

    /** What one run of the watcher did. */
    public record CheckResult(int reminded, int escalated, int resent) {
    }

    private final ServiceOrderRepository orders;
    private final VendorRepository vendors;
    private final VendorRegister register;
    private final VendorGateway gateway;
    private final CaseService cases;
    private final BusinessCalendar calendar;
    private final VendorSlaProperties properties;
    /** Empty in the standalone workers (no engine of their own): escalations wait for a server's watcher run. */
    private final Optional<VendorEscalationProcess> escalations;
    private final NotificationService notifications;
    /** Looked up when used: the features that re-quote depend on the vendor services that depend on this. */
    private final ObjectProvider<ServiceRequote> requotes;
    private final ObjectProvider<DeclinedVendors> declines;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    VendorSlas(ServiceOrderRepository orders, VendorRepository vendors, VendorRegister register, VendorGateway gateway,
               CaseService cases, BusinessCalendar calendar, VendorSlaProperties properties, Optional<VendorEscalationProcess> escalations,
               NotificationService notifications, ObjectProvider<ServiceRequote> requotes, ObjectProvider<DeclinedVendors> declines,
               PlatformTransactionManager transactions, Clock clock) {
        this.orders = orders;
        this.vendors = vendors;
        this.register = register;
        this.gateway = gateway;
        this.cases = cases;
        this.calendar = calendar;
        this.properties = properties;
        this.escalations = escalations;
        this.notifications = notifications;
        this.requotes = requotes;
        this.declines = declines;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Sets the deadlines of a new order awaiting a callback, from its vendor's terms or the configured defaults. */
    void schedule(ServiceOrder order, String country) {
        if (!order.getServiceType().awaitsCallback()) {
            return;
        }
        Vendor vendor = order.getVendorId() == null ? null : vendors.findById(order.getVendorId()).orElse(null);
        String slaCountry = vendor != null ? vendor.getCountry() : country;
        int hours = vendor != null ? vendor.getAcknowledgementHours() : properties.getAcknowledgementHours();
        int confirmation = vendor != null ? vendor.getConfirmationBusinessDays() : properties.getConfirmationBusinessDays();
        int delivery = vendor != null ? vendor.getDeliveryBusinessDays() : properties.getDeliveryBusinessDays();
        LocalDate requested = order.getRequestedAt().atZone(ZoneOffset.UTC).toLocalDate();
        boolean known = BusinessCalendar.isCountry(slaCountry);
        order.deadlines(order.getRequestedAt().plus(Duration.ofHours(hours)),
                known ? plusBusinessDays(slaCountry, requested, confirmation) : requested.plusDays(confirmation),
                known ? plusBusinessDays(slaCountry, requested, delivery) : requested.plusDays(delivery));
    }

    /** The day {@code days} business days of the country after {@code day}. */
    LocalDate plusBusinessDays(String country, LocalDate day, int days) {
        LocalDate d = day;
        int counted = 0;
        while (counted < days) {
            d = d.plusDays(1);
            if (calendar.isBusinessDay(country, d)) {
                counted++;
            }
        }
        return d;
    }

    /** One run of the watcher at the engine's time {@code now}: each order in its own transaction (see the class comment). */
    public CheckResult check(Instant now) {
        int reminded = 0;
        int escalated = 0;
        int resent = 0;
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        for (Long id : orders.findSlaCandidates(List.of(ServiceOrder.Status.SENT, ServiceOrder.Status.ACKNOWLEDGED), today, now)) {
            try {
                String done = ownTransaction.execute(s -> watch(id, now));
                if ("reminded".equals(done)) {
                    reminded++;
                } else if ("escalated".equals(done)) {
                    escalated++;
                }
            } catch (RuntimeException e) {
                // the vendor unreachable or a concurrent answer: nothing recorded, the next run tries again
                log.warn("SLA watch of order {} failed, retried on the next run: {}", id, e.getClass().getSimpleName());
            }
        }
        for (Long id : orders.findUnsentReplacements(ServiceOrder.Status.NEW, now.minus(RESEND_AFTER))) {
            try {
                send(id);
                resent++;
            } catch (RuntimeException e) {
                log.warn("Replacement order {} not sent, retried on the next run: {}", id, e.getClass().getSimpleName());
            }
        }
        return new CheckResult(reminded, escalated, resent);
    }

    private String watch(Long id, Instant now) {
        ServiceOrder order = orders.findById(id).orElseThrow();
        ServiceOrder.Breach breach = order.breachAt(now);
        if (breach == null) {
            return null;
        }
        RelocationCase c = cases.get(order.getCaseId());
        if (order.getSlaRemindedFor() != breach) {
            order.reminded(breach, now);
            orders.saveAndFlush(order); // a concurrent run or answer fails here, before the vendor is told
            gateway.send(register.endpointOf(order), request(order, c, order.getServiceType().name() + "_REMINDER",
                    breach == ServiceOrder.Breach.CONFIRMATION
                            ? "Reminder: order " + order.getReference() + " was to be answered by " + order.getConfirmBy()
                            : "Reminder: order " + order.getReference() + " was to be acknowledged by " + order.getAcknowledgeBy()));
            cases.recordStep(c.getId(), TimelineEntry.Kind.STEP_COMPLETED, "vendor-reminded",
                    order.getServiceType().name() + " " + breach.name().toLowerCase() + " overdue: " + order.getVendor() + " reminded",
                    null, "system");
            log.info("Order {} of case {}: {} overdue, vendor {} reminded", order.getReference(), c.getCaseNumber(), breach, order.getVendor());
            return "reminded";
        }
        if (order.getServiceType().switchable() && !order.isEscalationOpen() && order.getEscalatedAt() == null
                && !now.atZone(ZoneOffset.UTC).toLocalDate().isBefore(graceEnd(order, c))) {
            escalate(order, c, now, order.getServiceType().name() + " " + breach.name().toLowerCase() + " overdue after a reminder: "
                    + order.getVendor() + " escalated");
            return "escalated";
        }
        return null;
    }

    /** The day the watcher escalates a reminded order: grace-business-days business days after the reminder's day. */
    private LocalDate graceEnd(ServiceOrder order, RelocationCase c) {
        LocalDate reminded = order.getRemindedAt().atZone(ZoneOffset.UTC).toLocalDate();
        String country = slaCountry(order, c);
        return BusinessCalendar.isCountry(country) ? plusBusinessDays(country, reminded, properties.getGraceBusinessDays())
                : reminded.plusDays(properties.getGraceBusinessDays());
    }

    private void escalate(ServiceOrder order, RelocationCase c, Instant now, String step) {
        if (escalations.isEmpty()) {
            log.warn("Order {} of case {} is due for escalation, but no engine runs here: left for the server", order.getReference(), c.getCaseNumber());
            return;
        }
        order.escalated(now);
        orders.saveAndFlush(order);
        escalations.get().start(c.getCaseNumber(), c.getId(), order.getId());
        cases.recordStep(c.getId(), TimelineEntry.Kind.STEP_COMPLETED, "vendor-escalated", step, null, "system");
        log.info("Order {} of case {} escalated to the specialists", order.getReference(), c.getCaseNumber());
    }

    /**
     * The vendor of a switchable order refused it (recorded in the caller's transaction): the order goes to the next
     * vendor, the specialists are told; none left: the specialists decide (resolve-vendor-delay). Other services: nothing.
     */
    void refused(ServiceOrder order, String actor) {
        if (!order.getServiceType().switchable()) {
            return;
        }
        RelocationCase c = cases.get(order.getCaseId());
        Optional<ServiceOrder> replacement = switchOrder(order, c, actor, "refused");
        if (replacement.isPresent()) {
            notifications.notifySpecialistsAndRoles(c, "vendor-switched-" + order.getReference(),
                    "Case " + c.getCaseNumber() + ": " + order.getServiceType().name().toLowerCase().replace('_', ' ') + " vendor switched",
                    "Vendor " + order.getVendor() + " refused order " + order.getReference() + "; it went to vendor "
                            + replacement.get().getVendor() + " as order " + replacement.get().getReference() + ".", List.of());
        } else if (!order.isEscalationOpen()) {
            escalate(order, c, clock.instant(), order.getServiceType().name() + " refused by " + order.getVendor()
                    + ", no other vendor left: escalated");
        }
    }

    /**
     * The next active registered vendor for the order's service that this case has not left yet, nor declined to quote
     * it ({@link DeclinedVendors}); empty: none.
     */
    @Transactional(readOnly = true)
    public Optional<Vendor> nextVendor(ServiceOrder order) {
        RelocationCase c = cases.get(order.getCaseId());
        return nextVendor(order, c);
    }

    private Optional<Vendor> nextVendor(ServiceOrder order, RelocationCase c) {
        Set<Long> left = orders.findByCaseIdOrderById(order.getCaseId()).stream()
                .filter(o -> o.getServiceType() == order.getServiceType() && Objects.equals(o.getTravellerId(), order.getTravellerId()))
                .map(ServiceOrder::getVendorId).filter(Objects::nonNull).collect(Collectors.toCollection(java.util.HashSet::new));
        declines.orderedStream().forEach(d -> left.addAll(d.declined(order.getCaseId(), order.getServiceType(), order.getTravellerId())));
        return vendors.findActive(order.getServiceType().vendor(), slaCountry(order, c)).stream()
                .filter(v -> v.coversCity(c.getHostCity()))
                .filter(v -> !left.contains(v.getId()))
                .min(Comparator.comparing((Vendor v) -> v.getCity() == null).thenComparing(Vendor::getId));
    }

    private String slaCountry(ServiceOrder order, RelocationCase c) {
        return order.getVendorId() == null ? c.getHostCountry()
                : vendors.findById(order.getVendorId()).map(Vendor::getCountry).orElse(c.getHostCountry());
    }

    /**
     * Whether the order can be re-quoted now and from which vendors ({@link ServiceRequote#plan}); a service no feature
     * quotes cannot be.
     */
    @Transactional(readOnly = true)
    public ServiceRequote.Plan requotePlan(ServiceOrder order) {
        ServiceRequote requote = requoteOf(order.getServiceType());
        return requote == null ? ServiceRequote.Plan.refused("This service is not chosen on quotes, so it cannot be re-quoted")
                : requote.plan(order);
    }

    /**
     * The specialists chose to switch: the order (awaiting its answer, or refused) goes to the next vendor; the old one
     * is withdrawn and its vendor told. Empty, and nothing changed, when no vendor is left.
     */
    @Transactional
    public Optional<ServiceOrder> switchToNext(Long orderId, String actor) {
        ServiceOrder order = orders.findById(orderId).orElseThrow(() -> new IllegalStateException("No service order " + orderId));
        RelocationCase c = cases.get(order.getCaseId());
        Optional<ServiceOrder> replacement = switchOrder(order, c, actor, "switched by the specialists");
        replacement.ifPresent(r -> resolved(order));
        return replacement;
    }

    private Optional<ServiceOrder> switchOrder(ServiceOrder order, RelocationCase c, String actor, String why) {
        Optional<ServiceOrder> existing = orders.findByRequestKey(switchKey(order));
        if (existing.isPresent()) {
            return existing; // switched before: one replacement per order
        }
        Optional<Vendor> next = nextVendor(order, c);
        if (next.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Vendor v = next.get();
        boolean withdraw = order.getStatus().awaitsAnswer();
        if (withdraw) {
            order.withdrawn(now);
        }
        ServiceOrder replacement = new ServiceOrder(order.getCaseId(), order.getTravellerId(), order.getServiceType(),
                new VendorEndpoint(v.getId(), v.getCode(), v.getEndpointUrl(), v.callbackSecret()),
                "SO-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase(), switchKey(order), order.detailWithoutQuote(), now);
        replacement.replaces(order);
        schedule(replacement, v.getCountry());
        orders.saveAndFlush(order);
        ServiceOrder saved = orders.saveAndFlush(replacement);
        cases.recordStep(c.getId(), TimelineEntry.Kind.STEP_COMPLETED, "vendor-switched", order.getServiceType().name() + " "
                + why + ": " + order.getVendor() + " replaced by " + v.getCode(), null, actor);
        Runnable tellWithdrawn = withdraw ? withdrawalNotice(order, c) : () -> { };
        afterCommit(() -> {
            tellWithdrawn.run();
            try {
                send(saved.getId());
            } catch (RuntimeException e) {
                log.warn("Replacement order {} not sent yet, the SLA watcher sends it again: {}", saved.getReference(), e.getClass().getSimpleName());
            }
        });
        log.info("Order {} of case {} {}: now order {} with vendor {}", order.getReference(), c.getCaseNumber(), why, saved.getReference(), v.getCode());
        return Optional.of(saved);
    }

    /**
     * Tells the vendor of a withdrawn order not to act on it (run after the commit; a vendor not reached is only logged:
     * its later callbacks are refused anyway).
     */
    private Runnable withdrawalNotice(ServiceOrder order, RelocationCase c) {
        VendorRequest withdrawal = request(order, c, order.getServiceType().name() + "_WITHDRAWAL",
                "Order " + order.getReference() + " is withdrawn: please do not act on it");
        VendorEndpoint endpoint = register.endpointOf(order);
        return () -> {
            try {
                gateway.send(endpoint, withdrawal);
            } catch (RuntimeException e) {
                log.warn("Vendor {} not told that order {} is withdrawn: {}", order.getVendor(), order.getReference(), e.getClass().getSimpleName());
            }
        };
    }

    private static String switchKey(ServiceOrder order) {
        return "switch:" + order.getReference();
    }

    /** Sends a replacement order recorded NEW and marks it sent, each in a transaction of its own. */
    private void send(Long id) {
        record Outgoing(VendorEndpoint endpoint, VendorRequest request) {
        }
        Outgoing out = ownTransaction.execute(s -> {
            ServiceOrder order = orders.findById(id).orElseThrow();
            if (order.getStatus() != ServiceOrder.Status.NEW) {
                return null;
            }
            RelocationCase c = cases.get(order.getCaseId());
            return new Outgoing(register.endpointOf(order), request(order, c, order.getServiceType().name(), order.getDetail()));
        });
        if (out == null) {
            return;
        }
        gateway.send(out.endpoint(), out.request());
        ownTransaction.executeWithoutResult(s -> orders.findById(id).ifPresent(ServiceOrder::sent));
        log.info("Order {} ({}) sent to {}", out.request().reference(), out.request().serviceType(), out.endpoint().name());
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    /** The specialists chose to wait until a new confirmation date (after today): the watch starts again from it. */
    @Transactional
    public void waitUntil(Long orderId, LocalDate newConfirmBy, String actor) {
        ServiceOrder order = orders.findById(orderId).orElseThrow(() -> new IllegalStateException("No service order " + orderId));
        if (order.getStatus().awaitsAnswer()) {
            order.waitUntil(newConfirmBy);
        } else {
            order.escalationResolved();
        }
        orders.saveAndFlush(order);
        cases.recordStep(order.getCaseId(), TimelineEntry.Kind.STEP_COMPLETED, "vendor-delay-accepted",
                order.getServiceType().name() + ": waiting for " + order.getVendor() + " until " + newConfirmBy, null, actor);
    }

    private ServiceRequote requoteOf(ServiceType type) {
        return requotes.orderedStream().filter(r -> r.covers(type)).findFirst().orElse(null);
    }

    /**
     * The specialists chose to re-quote the order's service ({@link #requotePlan} said possible): the order, still awaiting
     * its answer, is withdrawn as for a switch (its vendor told after the commit, its later callbacks refused; a refused
     * order stays refused), and the service's {@link ServiceRequote} requests new quotes.
     */
    @Transactional
    public void requote(Long orderId, String actor) {
        ServiceOrder order = orders.findById(orderId).orElseThrow(() -> new IllegalStateException("No service order " + orderId));
        ServiceRequote requote = requoteOf(order.getServiceType());
        if (requote == null) {
            throw new IllegalStateException("No re-quote for " + order.getServiceType());
        }
        RelocationCase c = cases.get(order.getCaseId());
        if (order.getStatus().awaitsAnswer()) {
            order.withdrawn(clock.instant());
            orders.saveAndFlush(order);
            afterCommit(withdrawalNotice(order, c));
        }
        requote.requote(order);
        resolved(order);
        cases.recordStep(order.getCaseId(), TimelineEntry.Kind.STEP_COMPLETED, "vendor-requoted",
                order.getServiceType().name() + ": order withdrawn from " + order.getVendor() + ", quotes requested again", null, actor);
        log.info("Order {} of case {} withdrawn for a re-quote", order.getReference(), c.getCaseNumber());
    }

    /** The specialists' task on the order is done (whatever its choice); the order itself is left as it is. */
    @Transactional
    public void resolved(Long orderId) {
        orders.findById(orderId).ifPresent(this::resolved);
    }

    private void resolved(ServiceOrder order) {
        order.escalationResolved();
        orders.saveAndFlush(order);
    }

    @Transactional(readOnly = true)
    public Optional<ServiceOrder> find(Long orderId) {
        return orders.findById(orderId);
    }

    @Transactional(readOnly = true)
    public ServiceOrder order(Long orderId) {
        return orders.findById(orderId).orElseThrow(() -> new IllegalStateException("No service order " + orderId));
    }

    private static VendorRequest request(ServiceOrder order, RelocationCase c, String type, String detail) {
        return new VendorRequest(order.getReference(), type, c.getCaseNumber(), c.getHostCountry(), c.getHostCity(),
                c.getStartDate(), c.getEndDate(), c.getTravellers().size(), detail);
    }
}
