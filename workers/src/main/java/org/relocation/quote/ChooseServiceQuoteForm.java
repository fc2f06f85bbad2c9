package org.relocation.quote;

import org.relocation.platform.form.FormContext;
import org.relocation.platform.form.FormSubmission;
import org.relocation.platform.form.TaskFormHandler;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Form choose-service-quote (relocation-service-quotes): the specialist compares the item's quotes side by side
 * ({@code quotes}: price in the quote's and the reporting currency, dates, terms) and enters the reference of the one
 * chosen ({@code chosenQuote}); a quote not received is refused (400 naming chosenQuote). The task carries the item
 * ({@value ServiceQuotes#ITEM_VARIABLE}, an input of the task), so two items quoted at once are never mixed up.
 */
@Component
class ChooseServiceQuoteForm implements TaskFormHandler {

    private final ServiceQuotes quotes;

    ChooseServiceQuoteForm(ServiceQuotes quotes) {
        this.quotes = quotes;
    }

    @Override
    public String formId() {
        return "choose-service-quote";
    }

    @Override
    public Set<String> fields() {
        return Set.of("chosenQuote");
    }

    @Override
    public Map<String, String> problems(FormSubmission s) {
        String reference = s.string("chosenQuote");
        return quotes.problems(s.caseId(), item(s.task()), reference == null ? "" : reference);
    }

    @Override
    public void record(FormSubmission s) {
        quotes.choose(s.caseId(), item(s.task()), s.string("chosenQuote"), s.actor());
    }

    @Override
    public Map<String, Object> context(FormContext context) {
        List<ServiceQuote> latest = quotes.latest(context.caseId(), item(context.task()));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("quotes", latest.stream().map(quotes::row).toList());
        values.put("quotedService", latest.isEmpty() ? "" : latest.get(0).getDetail());
        return values;
    }

    private static String item(Map<String, Object> task) {
        Object item = task.get(ServiceQuotes.ITEM_VARIABLE);
        if (!(item instanceof String s) || s.isBlank()) {
            throw new IllegalStateException("The task of choose-service-quote lacks its " + ServiceQuotes.ITEM_VARIABLE);
        }
        return s;
    }
}
