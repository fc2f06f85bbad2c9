package org.relocation.vendor;

import org.relocation.platform.form.FormContext;
import org.relocation.platform.form.FormSubmission;
import org.relocation.platform.form.SubmissionRefusedException;
import org.relocation.platform.form.TaskFormHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Form resolve-vendor-delay (process relocation-vendor-escalation): shows the escalated order (service, vendor, its
 * deadlines and reminders, the next vendor and whether the service can be re-quoted, and from whom) and records the
 * specialist's choice: wait until a new date (after today), switch to the next vendor (refused with a sentence when none
 * is left) or re-quote (only where the service's {@link ServiceRequote} says it is possible now; refused with its reason
 * otherwise). The choices offered are data ({@value #CHOICES}, the radio's valuesKey): re-quote only where possible. An
 * order the vendor answered meanwhile is left as it is.
 */
@Component
class ResolveVendorDelayForm implements TaskFormHandler {

    static final String CHOICE = "vendorDelayChoice";
    static final String NEW_DATE = "newConfirmationDate";
    /** Context: the choices offered, label and value each (the radio's valuesKey). */
    static final String CHOICES = "delayChoices";
    private static final Map<String, String> LABELS = labels();

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("wait", "Wait until a new date");
        labels.put("switch", "Switch to the next vendor");
        labels.put("requote", "Re-quote");
        return java.util.Collections.unmodifiableMap(labels);
    }

    private final VendorSlas slas;
    private final Clock clock;

    ResolveVendorDelayForm(VendorSlas slas, Clock clock) {
        this.slas = slas;
        this.clock = clock;
    }

    @Override
    public String formId() {
        return "resolve-vendor-delay";
    }

    @Override
    public Set<String> fields() {
        return Set.of(CHOICE, NEW_DATE);
    }

    @Override
    public Map<String, String> problems(FormSubmission s) {
        ServiceOrder order = slas.order(orderId(s.taskNumber(VendorEscalationProcess.SERVICE_ORDER_ID)));
        String choice = s.string(CHOICE);
        if (choice == null || !LABELS.containsKey(choice)) {
            return Map.of(CHOICE, "choose one of the options: wait, switch or requote");
        }
        boolean open = order.getStatus().awaitsAnswer() || order.getStatus() == ServiceOrder.Status.REFUSED;
        if ("wait".equals(choice)) {
            LocalDate date;
            try {
                date = s.date(NEW_DATE);
            } catch (DateTimeParseException e) {
                return Map.of(NEW_DATE, "must be a date (yyyy-mm-dd)");
            }
            if (date == null) {
                return Map.of(NEW_DATE, "is required to wait: the day the vendor agreed to answer by");
            }
            return date.isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC))) ? Map.of() : Map.of(NEW_DATE, "must lie in the future");
        }
        if ("switch".equals(choice) && open && slas.nextVendor(order).isEmpty()) {
            return Map.of(CHOICE, "No other active vendor covers this service for the case: register one, or choose to wait");
        }
        if ("requote".equals(choice) && open) {
            ServiceRequote.Plan plan = slas.requotePlan(order);
            if (!plan.possible()) {
                return Map.of(CHOICE, plan.refusal() + ": choose to wait or to switch to the next vendor");
            }
        }
        return Map.of();
    }

    @Override
    public void record(FormSubmission s) {
        Long id = orderId(s.taskNumber(VendorEscalationProcess.SERVICE_ORDER_ID));
        ServiceOrder order = slas.order(id);
        String choice = s.string(CHOICE);
        boolean open = order.getStatus().awaitsAnswer() || order.getStatus() == ServiceOrder.Status.REFUSED;
        if ("wait".equals(choice)) {
            slas.waitUntil(id, s.date(NEW_DATE), s.actor());
        } else if (!open) {
            slas.resolved(id); // the vendor answered meanwhile: nothing to change
        } else if ("switch".equals(choice)) {
            if (slas.switchToNext(id, s.actor()).isEmpty()) {
                throw new SubmissionRefusedException(Map.of(CHOICE, "No other active vendor covers this service for the case: register one, or choose to wait"));
            }
        } else if ("requote".equals(choice)) {
            slas.requote(id, s.actor());
        }
    }

    @Override
    public Map<String, Object> context(FormContext context) {
        Long id = context.taskNumber(VendorEscalationProcess.SERVICE_ORDER_ID);
        java.util.Optional<ServiceOrder> found = id == null ? java.util.Optional.empty() : slas.find(id);
        if (found.isEmpty() || !found.get().getCaseId().equals(context.caseId())) {
            return Map.of(CHOICES, choices(false)); // not an order of this case: nothing to show
        }
        ServiceOrder order = found.get();
        Map<String, Object> delay = new LinkedHashMap<>();
        delay.put("reference", order.getReference());
        delay.put("service", order.getServiceType().name().toLowerCase().replace('_', ' '));
        delay.put("vendor", order.getVendor());
        delay.put("status", order.getStatus().name().toLowerCase());
        delay.put("requestedAt", String.valueOf(order.getRequestedAt()));
        delay.put("acknowledgeBy", order.getAcknowledgeBy() == null ? "none" : order.getAcknowledgeBy().toString());
        delay.put("acknowledgedAt", order.getAcknowledgedAt() == null ? "not acknowledged" : order.getAcknowledgedAt().toString());
        delay.put("confirmBy", order.getConfirmBy() == null ? "none" : order.getConfirmBy().toString());
        delay.put("deliverBy", order.getDeliverBy() == null ? "none" : order.getDeliverBy().toString());
        delay.put("reminders", order.getReminders());
        delay.put("remindedAt", order.getRemindedAt() == null ? "never" : order.getRemindedAt().toString());
        delay.put("vendorNote", order.getVendorNote() == null ? "" : order.getVendorNote());
        delay.put("nextVendor", slas.nextVendor(order).map(Vendor::getName).orElse("none left: switching is not possible"));
        ServiceRequote.Plan plan = slas.requotePlan(order);
        delay.put("requote", plan.possible() ? "possible: quotes would be requested from " + String.join(", ", plan.vendors())
                : "not possible: " + plan.refusal());
        return Map.of("delay", delay, CHOICES, choices(plan.possible()));
    }

    /** The options of the decision radio: wait and switch always, re-quote where possible. */
    private static List<Map<String, String>> choices(boolean requote) {
        return LABELS.entrySet().stream().filter(e -> requote || !"requote".equals(e.getKey()))
                .map(e -> Map.of("label", e.getValue(), "value", e.getKey())).toList();
    }

    private static Long orderId(Long id) {
        if (id == null) {
            throw new IllegalStateException("The resolve-vendor-delay task has no serviceOrderId");
        }
        return id;
    }
}
