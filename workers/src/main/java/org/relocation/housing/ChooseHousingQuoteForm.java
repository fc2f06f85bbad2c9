package org.relocation.housing;

import org.relocation.platform.form.FormContext;
import org.relocation.platform.form.FormSubmission;
import org.relocation.policy.PolicyService;
import org.relocation.quote.ServiceQuotes;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Form choose-housing-quote: the specialist compares the quotes side by side ({@code quotes}: price in the quote's and
 * the reporting currency, nightly price, dates, terms, against the policy cap) and enters the reference of the one
 * chosen ({@code chosenQuote}). A quote not received, or over the cap without approved temporary-housing exceptions
 * covering the excess, is refused (400 naming chosenQuote and the exception needed).
 */
@Component
class ChooseHousingQuoteForm implements org.relocation.platform.form.TaskFormHandler {

    private final HousingQuotes quotes;
    private final ServiceQuotes serviceQuotes;

    ChooseHousingQuoteForm(HousingQuotes quotes, ServiceQuotes serviceQuotes) {
        this.quotes = quotes;
        this.serviceQuotes = serviceQuotes;
    }

    @Override
    public String formId() {
        return "choose-housing-quote";
    }

    @Override
    public Set<String> fields() {
        return Set.of("chosenQuote");
    }

    @Override
    public Map<String, String> problems(FormSubmission s) {
        String reference = s.string("chosenQuote");
        return quotes.problems(s.caseId(), reference == null ? "" : reference.trim());
    }

    @Override
    public void record(FormSubmission s) {
        quotes.choose(s.caseId(), s.string("chosenQuote").trim(), s.actor());
    }

    @Override
    public Map<String, Object> context(FormContext context) {
        List<Map<String, Object>> rows = quotes.latest(context.caseId()).stream().map(q -> {
            Map<String, Object> row = serviceQuotes.row(q);
            row.put("nightly", q.nightlyPrice() == null ? "" : q.nightlyPrice().toPlainString() + " " + q.getCurrency());
            row.put("dates", q.getStartDate() + " to " + q.getEndDate() + " (" + q.getNights() + " nights, " + q.getTravellers() + " travellers)");
            return row;
        }).toList();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("quotes", rows);
        quotes.stay(context.caseId()).ifPresent(stay -> values.put("quoteCap", capText(context.caseId(), stay)));
        return values;
    }

    private String capText(Long caseId, HousingStay stay) {
        BigDecimal cap = quotes.cap(caseId);
        return stay.nights() + " nights from " + stay.from() + " for " + stay.travellers() + " travellers; the policy's cap is "
                + cap.toPlainString() + " " + PolicyService.POLICY_CURRENCY
                + " (a quote above needs an approved temporary-housing policy exception)";
    }
}
