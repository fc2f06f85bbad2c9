package org.relocation.housing;

import org.relocation.policy.PolicyService;
import org.relocation.policyexception.ExceptionCategory;
import org.relocation.policyexception.PolicyException;
import org.relocation.policyexception.PolicyExceptionService;
import org.relocation.quote.QuoteSubject;
import org.relocation.quote.ServiceQuote;
import org.relocation.quote.ServiceQuotes;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.vendor.ServiceOrder;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.Vendor;
import org.relocation.vendor.VendorRequest;
import org.relocation.vendor.VendorService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import javax.money.CurrencyUnit;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Temporary housing by quotes (docs/journey.md, "Housing"). The stay is the policy's temporary-housing nights from the
 * case's start date for its travellers ({@link #stay}). When two or more active housing vendors of the register cover
 * the case's host country and city, up to {@value #MAX_QUOTES} of them (in the register's order of choice) are asked
 * for a quote; each answers through its signed callback; once all answered (or the wait ran out, which expires the
 * others) the specialist chooses one received quote and its vendor receives the order. A quote over the policy's cap
 * (nights × nightly cap) may be chosen only once approved temporary-housing policy exceptions of the case cover the
 * excess; otherwise the choice is refused naming the exception needed. With fewer than two vendors the single order
 * goes to the register's choice, as before. When the chosen vendor misses its SLA or refuses, the specialists may
 * re-quote the stay ({@link HousingRequote}): {@link #book} asks the other vendors ({@link #requoteVendors}) again. The
 * quote records and their life (asked, answered, chosen, ordered) are {@link ServiceQuotes}', the stay's item
 * {@value ServiceQuotes#HOUSING_ITEM}; this adds the stay, the policy's cap and who chooses.
 */
@Service
public class HousingQuotes {

    static final int MAX_QUOTES = ServiceQuotes.MAX_QUOTES;
    private static final String ITEM = ServiceQuotes.HOUSING_ITEM;
    /** The message that tells the housing process every quote was answered. */
    public static final String ANSWERED_MESSAGE = ServiceQuotes.HOUSING_ANSWERED;
    /** The service type a quote request is sent with ({@link VendorRequest#serviceType()}). */
    public static final String QUOTE_REQUEST = "TEMPORARY_HOUSING_QUOTE";
    /** The service type of the notice a vendor receives when its quote was not chosen. */
    public static final String NOT_CHOSEN_NOTICE = "TEMPORARY_HOUSING_QUOTE_NOT_CHOSEN";
    /** Process variable set from the quote records when the wait for quotes ends: whether any quote was received. */
    public static final String RECEIVED_VARIABLE = ServiceQuotes.HOUSING_RECEIVED;

    private final ServiceQuotes quotes;
    private final VendorService vendors;
    private final CaseService cases;
    private final PolicyService policy;
    private final PolicyExceptionService exceptions;
    private final TransactionTemplate inTransaction;

    HousingQuotes(ServiceQuotes quotes, VendorService vendors, CaseService cases, PolicyService policy,
                  PolicyExceptionService exceptions, PlatformTransactionManager transactions) {
        this.quotes = quotes;
        this.vendors = vendors;
        this.cases = cases;
        this.policy = policy;
        this.exceptions = exceptions;
        this.inTransaction = new TransactionTemplate(transactions);
    }

    /**
     * The case's stay: the policy's temporary-housing nights (none decided yet: empty) from the start date, for the
     * case's travellers.
     */
    @Transactional(readOnly = true)
    public Optional<HousingStay> stay(Long caseId) {
        RelocationCase c = cases.get(caseId);
        if (c.getStartDate() == null || policy.latestOutputs(caseId, PolicyService.ALLOWANCES).isEmpty()) {
            return Optional.empty();
        }
        int nights = policy.allowances(caseId).temporaryHousingNights();
        if (nights <= 0) {
            return Optional.empty();
        }
        return Optional.of(new HousingStay(nights, c.getStartDate(), c.getStartDate().plusDays(nights), Math.max(1, c.getTravellers().size())));
    }

    /**
     * Books temporary housing for the case under the request key (the external task's id): with two or more covering
     * vendors and the policy's nights known, asks up to three for quotes (a redelivered task sends those not sent yet)
     * and answers the number asked; otherwise orders from the register's choice (the stay as the order's text) and
     * answers 0. A re-quote (the case has a housing order of an earlier booking, withdrawn or refused: the specialists
     * re-quoted it, {@link HousingRequote}) asks {@link #requoteVendors} instead, even a single one; none left by now
     * (deactivated since the choice): the stay is ordered without a quote from the configured housing endpoint.
     */
    public int book(Long caseId, String requestKey) {
        RelocationCase c = cases.get(caseId);
        Optional<HousingStay> stay = inTransaction.execute(s -> stay(caseId)); // the travellers load lazily
        boolean asked = quotes.requested(requestKey);
        boolean requote = vendors.orders(caseId).stream().anyMatch(o -> o.getServiceType() == ServiceType.TEMPORARY_HOUSING
                && !requestKey.equals(o.getRequestKey()));
        List<Vendor> covering = requote ? requoteVendors(caseId, null) : quotes.covering(caseId, ServiceType.TEMPORARY_HOUSING);
        if (!asked && requote && (stay.isEmpty() || covering.isEmpty())) {
            vendors.orderFrom(caseId, ServiceType.TEMPORARY_HOUSING, null, requestKey,
                    stay.map(HousingStay::detail).orElse("Serviced apartment near the host office")
                            + "; re-quoted, but no other vendor was left to quote, ordered without one",
                    stay.map(HousingStay::from).orElse(c.getStartDate()), stay.map(HousingStay::until).orElse(c.getEndDate()), null);
            return 0;
        }
        if (!asked && (stay.isEmpty() || covering.size() < 2)) {
            vendors.order(caseId, ServiceType.TEMPORARY_HOUSING, requestKey,
                    stay.map(HousingStay::detail).orElse("Serviced apartment near the host office"));
            return 0;
        }
        HousingStay s = stay.orElseThrow(() -> new IllegalStateException("Case " + caseId + " has housing quotes but no stay"));
        return quotes.request(caseId, new QuoteSubject(ServiceType.TEMPORARY_HOUSING, ITEM, null, s.detail(), s.from(), s.until(),
                s.nights(), s.travellers()), requestKey, covering);
    }

    /**
     * The vendors a re-quote of the case's stay asks, up to {@value #MAX_QUOTES} in the register's order of choice: the
     * active housing vendors covering the host country and city, except the given one (the breaching order's vendor;
     * null: none), vendors that declined a quote of the case and vendors of its withdrawn or refused housing orders.
     */
    @Transactional(readOnly = true)
    public List<Vendor> requoteVendors(Long caseId, Long excludedVendorId) {
        return quotes.requoteVendors(caseId, ServiceType.TEMPORARY_HOUSING, null, excludedVendorId);
    }

    /**
     * The wait for quotes ended: the stay's quotes still open expire (a later answer is refused).
     * @return whether a quote of the stay's latest request was received (there is one to choose)
     */
    @Transactional
    public boolean expireOpen(Long caseId) {
        return quotes.expireOpen(caseId, ITEM);
    }

    /** No quote of the stay's latest request was received: the stay is ordered without one ({@link ServiceQuotes#orderWithoutQuotes}). */
    @Transactional
    public ServiceOrder orderWithoutQuotes(Long caseId, String requestKey) {
        return quotes.orderWithoutQuotes(caseId, ITEM, requestKey);
    }

    /**
     * Whether the case's employee chooses the quote (the policy's allowances say so: executive tiers), rather than the
     * specialist; the choose-housing-quote task is then assigned to the employee.
     */
    @Transactional(readOnly = true)
    public boolean employeeChooses(Long caseId) {
        return policy.employeeChoosesHousingQuote(caseId);
    }

    /** The stay's quotes, oldest first. */
    @Transactional(readOnly = true)
    public List<ServiceQuote> ofCase(Long caseId) {
        return quotes.ofCase(caseId).stream().filter(q -> ITEM.equals(q.getItem())).toList();
    }

    /** The quotes of the stay's latest request. */
    @Transactional(readOnly = true)
    public List<ServiceQuote> latest(Long caseId) {
        return quotes.latest(caseId, ITEM);
    }

    /**
     * Field → problem of choosing the quote of that reference: it must be a received quote of the case's current
     * request, and a quote over the policy's cap needs approved temporary-housing policy exceptions covering the excess.
     */
    @Transactional(readOnly = true)
    public Map<String, String> problems(Long caseId, String reference) {
        Map<String, String> problems = quotes.problems(caseId, ITEM, reference);
        if (!problems.isEmpty()) {
            return problems;
        }
        ServiceQuote q = latest(caseId).stream().filter(found -> found.getReference().equals(reference)).findFirst().orElseThrow();
        Comparison c = compare(caseId, q);
        if (c.reportingPrice() == null || c.reportingCap() == null) {
            problems.put("chosenQuote", "no exchange rate from " + q.getCurrency() + " to " + quotes.reportingCurrency().getCurrencyCode()
                    + " is in effect today to check the quote against the policy cap; load the rates first");
        } else if (c.excess().signum() > 0 && c.approvedExceptions().compareTo(c.excess()) < 0) {
            String currency = quotes.reportingCurrency().getCurrencyCode();
            problems.put("chosenQuote", "quote " + q.getReference() + " (" + q.getPrice().toPlainString() + " " + q.getCurrency()
                    + ") is over the policy's temporary-housing cap of " + c.cap().toPlainString() + " " + PolicyService.POLICY_CURRENCY
                    + " (" + q.getNights() + " nights) by " + c.excess().toPlainString() + " " + currency
                    + "; it needs an approved policy exception of category temporary-housing for at least "
                    + c.excess().subtract(c.approvedExceptions()).toPlainString() + " " + currency + " more"
                    + " (request it on the case's policy exceptions), or choose another quote");
        }
        return problems;
    }

    /** Records the choice (checked by {@link #problems}): the others received are not chosen, those still open expire. */
    @Transactional
    public ServiceQuote choose(Long caseId, String reference, String actor) {
        return quotes.choose(caseId, ITEM, reference, actor);
    }

    /** Orders the stay from the chosen quote's vendor and tells the others ({@link ServiceQuotes#orderChosen}). */
    public ServiceOrder orderChosen(Long caseId, String requestKey) {
        return quotes.orderChosen(caseId, ITEM, requestKey);
    }

    /** A quote against the policy: prices and cap in the reporting currency (null: no rate today), excess, exceptions. */
    record Comparison(BigDecimal cap, BigDecimal reportingPrice, BigDecimal reportingCap, BigDecimal excess, BigDecimal approvedExceptions) {
    }

    Comparison compare(Long caseId, ServiceQuote q) {
        BigDecimal cap = cap(caseId);
        CurrencyUnit reporting = quotes.reportingCurrency();
        BigDecimal price = quotes.convert(q.getPrice(), q.getCurrency(), reporting);
        BigDecimal reportingCap = quotes.convert(cap, PolicyService.POLICY_CURRENCY, reporting);
        BigDecimal excess = price == null || reportingCap == null ? null : price.subtract(reportingCap).max(BigDecimal.ZERO);
        BigDecimal approved = exceptions.approved(caseId).stream()
                .filter(e -> ExceptionCategory.TEMPORARY_HOUSING.code().equals(e.getCategory()))
                .map(PolicyException::getReportingAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Comparison(cap, price, reportingCap, excess, approved);
    }

    /** The policy's temporary-housing cap of the case: nights × nightly cap, in the policy currency. */
    @Transactional(readOnly = true)
    public BigDecimal cap(Long caseId) {
        PolicyService.Allowances a = policy.allowances(caseId);
        return a.temporaryHousingNightlyRate().multiply(BigDecimal.valueOf(a.temporaryHousingNights()));
    }
}
