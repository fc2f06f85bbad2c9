package org.relocation.vendor;

import org.relocation.platform.form.FormContext;
import org.relocation.platform.form.FormSubmission;
import org.relocation.platform.form.TaskFormHandler;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Form decide-invoice-excess: finance sees the vendor's invoice against the accepted quote ({@code invoice}) and decides
 * ({@code invoiceDecision}: accept or dispute, {@code invoiceDecisionNote}: required to dispute); see {@link QuotedInvoices}.
 */
@Component
class DecideInvoiceExcessForm implements TaskFormHandler {

    private final QuotedInvoices invoices;

    DecideInvoiceExcessForm(QuotedInvoices invoices) {
        this.invoices = invoices;
    }

    @Override
    public String formId() {
        return QuotedInvoices.DECISION_FORM;
    }

    @Override
    public Set<String> fields() {
        return Set.of("invoiceDecision", "invoiceDecisionNote");
    }

    @Override
    public Map<String, String> problems(FormSubmission s) {
        return invoices.problems(s.caseId(), trimmed(s.string("invoiceDecision")), s.string("invoiceDecisionNote"));
    }

    @Override
    public void record(FormSubmission s) {
        invoices.decide(s.caseId(), trimmed(s.string("invoiceDecision")), s.string("invoiceDecisionNote"), s.actor());
    }

    @Override
    public Map<String, Object> context(FormContext context) {
        Map<String, Object> invoice = new LinkedHashMap<>();
        invoices.awaitingDecision(context.caseId()).ifPresent(o -> {
            invoice.put("order", o.getReference());
            invoice.put("service", o.getServiceType().name().toLowerCase().replace('_', ' '));
            invoice.put("vendor", o.getVendor());
            invoice.put("quote", o.getQuoteReference() + ": " + o.getQuotedAmount().toPlainString() + " " + o.getQuotedCurrency());
            invoice.put("invoiced", o.getCostAmount().toPlainString() + " " + o.getCostCurrency());
            invoice.put("excess", o.getInvoiceExcess() == null ? "no exchange rate today to compare the currencies"
                    : o.getInvoiceExcess().toPlainString() + " " + o.getQuotedCurrency());
        });
        return Map.of("invoice", invoice);
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}
