package org.relocation.tax;

import org.relocation.platform.form.FormContext;
import org.relocation.platform.form.TaskFormHandler;
import org.relocation.vendor.ServiceOrder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Form follow-up-tax-briefing (process {@value TaxServicesProcess#PROCESS_KEY}): the tax provider has not confirmed the
 * briefing within the SLA; the specialist records the follow-up (kept with the submission). Shows the order (context
 * {@value #CONTEXT}: reference, when ordered, days waiting, status), built from the order when the form opens.
 */
@Component
class FollowUpTaxBriefingForm implements TaskFormHandler {

    static final String CONTEXT = "briefing";

    private final TaxProviderOrders orders;
    private final Clock clock;

    FollowUpTaxBriefingForm(TaxProviderOrders orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    @Override
    public String formId() {
        return "follow-up-tax-briefing";
    }

    @Override
    public Map<String, Object> context(FormContext context) {
        return orders.briefing(context.caseId()).map(o -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("reference", o.getReference());
            view.put("orderedOn", o.getRequestedAt().toString().substring(0, 10));
            view.put("daysWaiting", Duration.between(o.getRequestedAt(), clock.instant()).toDays());
            view.put("status", o.getStatus() == ServiceOrder.Status.SENT ? "still awaiting the provider's answer" : o.getStatus().name().toLowerCase());
            return Map.<String, Object>of(CONTEXT, view);
        }).orElse(Map.of());
    }
}
