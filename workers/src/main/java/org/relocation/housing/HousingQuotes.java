package org.relocation.housing;

import org.relocation.fx.ExchangeRateService;
import org.relocation.policy.PolicyService;
import org.relocation.policyexception.ExceptionCategory;
import org.relocation.policyexception.PolicyException;
import org.relocation.policyexception.PolicyExceptionService;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.relocationcase.TimelineEntry;
import org.relocation.vendor.CallbackRejectedException;
import org.relocation.vendor.ServiceOrder;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.Vendor;
import org.relocation.vendor.VendorGateway;
import org.relocation.vendor.VendorRegister;
import org.relocation.vendor.VendorRequest;
import org.relocation.vendor.VendorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import javax.money.CurrencyUnit;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Temporary housing by quotes (docs/journey.md, "Housing"). The stay is the policy's temporary-housing nights from the
 * case's start date for its travellers ({@link #stay}). When two or more active housing vendors of the register cover
 * the case's host country and city, up to {@value #MAX_QUOTES} of them (in the register's order of choice) are asked
 * for a quote; each answers through its signed callback; once all answered (or the wait ran out, which expires the
 * others) the specialist chooses one received quote and its vendor receives the order. A quote over the policy's cap
 * (nights × nightly cap) may be chosen only once approved temporary-housing policy exceptions of the case cover the
 * excess; otherwise the choice is refused naming the exception needed. With fewer than two vendors the single order
 * goes to the register's choice, as before. When the chosen vendor misses its SLA or refuses, the specialists may
 * re-quote the stay ({@link HousingRequote}): {@link #book} asks the other vendors ({@link #requoteVendors}) again.
 */
@Service
public class HousingQuotes {

    private static final Logger log = LoggerFactory.getLogger(HousingQuotes.class);
    static final int MAX_QUOTES = 3;
    /** The message that tells the housing process every quote was answered. */
    public static final String ANSWERED_MESSAGE = "housing-quotes-answered";
    /** The service type a quote request is sent with ({@link VendorRequest#serviceType()}). */
    public static final String QUOTE_REQUEST = "TEMPORARY_HOUSING_QUOTE";
    /** The service type of the notice a vendor receives when its quote was not chosen. */
    public static final String NOT_CHOSEN_NOTICE = "TEMPORARY_HOUSING_QUOTE_NOT_CHOSEN";
    /** Process variable set from the quote records when the wait for quotes ends: whether any quote was received. */
    public static final String RECEIVED_VARIABLE = "housingQuoteReceived";
    private static final BigDecimal MAX_PRICE = new BigDecimal("999999999.99");

    private final HousingQuoteRepository quotes;
    private final VendorRegister register;
    private final VendorGateway gateway;
    private final VendorService vendors;
    private final CaseService cases;
    private final PolicyService policy;
    private final PolicyExceptionService exceptions;
    private final ExchangeRateService rates;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final TransactionTemplate inTransaction;

    HousingQuotes(HousingQuoteRepository quotes, VendorRegister register, VendorGateway gateway, VendorService vendors,
                  CaseService cases, PolicyService policy, PolicyExceptionService exceptions, ExchangeRateService rates,
                  Clock clock, PlatformTransactionManager transactions) {
        this.quotes = quotes;
        this.register = register;
        this.gateway = gateway;
        this.vendors = vendors;
        this.cases = cases;
        this.policy = policy;
        this.exceptions = exceptions;
        this.rates = rates;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.inTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
        List<HousingQuote> asked = quotes.findByRequestKeyOrderById(requestKey);
        boolean requote = vendors.orders(caseId).stream().anyMatch(o -> o.getServiceType() == ServiceType.TEMPORARY_HOUSING
                && !requestKey.equals(o.getRequestKey()));
        List<Vendor> covering = requote ? requoteVendors(caseId, null)
                : register.covering(ServiceType.TEMPORARY_HOUSING, c.getHostCountry(), c.getHostCity());
        if (asked.isEmpty() && requote && (stay.isEmpty() || covering.isEmpty())) {
            vendors.orderFrom(caseId, ServiceType.TEMPORARY_HOUSING, null, requestKey,
                    stay.map(HousingStay::detail).orElse("Serviced apartment near the host office")
                            + "; re-quoted, but no other vendor was left to quote, ordered without one",
                    stay.map(HousingStay::from).orElse(c.getStartDate()), stay.map(HousingStay::until).orElse(c.getEndDate()), null);
            return 0;
        }
        if (asked.isEmpty() && (stay.isEmpty() || covering.size() < 2)) {
            vendors.order(caseId, ServiceType.TEMPORARY_HOUSING, requestKey,
                    stay.map(HousingStay::detail).orElse("Serviced apartment near the host office"));
            return 0;
        }
        if (asked.isEmpty()) {
            asked = ownTransaction.execute(s -> covering.stream().limit(MAX_QUOTES)
                    .map(v -> quotes.save(new HousingQuote(caseId, v.getId(), "HQ-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase(),
                            requestKey, stay.get(), clock.instant())))
                    .toList());
        }
        for (HousingQuote q : asked) {
            if (q.getSentAt() == null) {
                gateway.send(register.endpointOf(q.getVendorId()), new VendorRequest(q.getReference(), QUOTE_REQUEST, c.getCaseNumber(),
                        c.getHostCountry(), c.getHostCity(), q.getStartDate(), q.getEndDate(), q.getTravellers(),
                        "Quote for t" + new HousingStay(q.getNights(), q.getStartDate(), q.getEndDate(), q.getTravellers()).detail().substring(1)));
                ownTransaction.executeWithoutResult(s -> quotes.findById(q.getId()).ifPresent(found -> found.sent(clock.instant())));
                log.info("Quote {} requested for case {}", q.getReference(), c.getCaseNumber());
            }
        }
        return asked.size();
    }

    /**
     * The vendors a re-quote of the case's stay asks, up to {@value #MAX_QUOTES} in the register's order of choice: the
     * active housing vendors covering the host country and city, except the given one (the breaching order's vendor;
     * null: none), vendors that declined a quote of the case and vendors of its withdrawn or refused housing orders.
     */
    @Transactional(readOnly = true)
    public List<Vendor> requoteVendors(Long caseId, Long excludedVendorId) {
        RelocationCase c = cases.get(caseId);
        java.util.Set<Long> excluded = new java.util.HashSet<>();
        if (excludedVendorId != null) {
            excluded.add(excludedVendorId);
        }
        quotes.findByCaseIdOrderById(caseId).stream().filter(q -> q.getStatus() == HousingQuote.Status.DECLINED)
                .forEach(q -> excluded.add(q.getVendorId()));
        vendors.orders(caseId).stream().filter(o -> o.getServiceType() == ServiceType.TEMPORARY_HOUSING && o.getVendorId() != null
                        && (o.getStatus() == ServiceOrder.Status.WITHDRAWN || o.getStatus() == ServiceOrder.Status.REFUSED))
                .forEach(o -> excluded.add(o.getVendorId()));
        return register.covering(ServiceType.TEMPORARY_HOUSING, c.getHostCountry(), c.getHostCity()).stream()
                .filter(v -> !excluded.contains(v.getId())).limit(MAX_QUOTES).toList();
    }

    /**
     * Records a vendor's answer to its quote. Unknown quotes and quotes of another vendor are a 404, quotes no longer
     * open (answered, expired, chosen) a 409, malformed answers a 400; none of these changes anything.
     */
    @Transactional
    public QuoteAnswered answer(String vendorCode, QuoteAnswer a) {
        if (a == null || a.reference() == null || a.status() == null || !List.of("QUOTED", "DECLINED").contains(a.status())) {
            throw invalid("reference and status (QUOTED, DECLINED) are required");
        }
        if ("QUOTED".equals(a.status()) && (a.price() == null || a.price().signum() <= 0 || a.price().compareTo(MAX_PRICE) > 0
                || a.price().stripTrailingZeros().scale() > 2)) {
            throw invalid("a quote needs price: more than 0, at most 999999999.99, at most 2 decimals");
        }
        if ("QUOTED".equals(a.status()) && (a.currency() == null
                || Currency.getAvailableCurrencies().stream().noneMatch(cur -> cur.getCurrencyCode().equals(a.currency())))) {
            throw invalid("a quote needs currency: an ISO 4217 code such as EUR");
        }
        if (a.terms() != null && a.terms().length() > 1000) {
            throw invalid("terms must be at most 1000 characters");
        }
        if ("DECLINED".equals(a.status()) && (a.note() == null || a.note().isBlank() || a.note().length() > 1000)) {
            throw invalid("a declined quote needs a note (1 to 1000 characters) saying why");
        }
        HousingQuote quote = quotes.findByReference(a.reference())
                .filter(q -> register.get(q.getVendorId()).getCode().equals(vendorCode))
                .orElseThrow(() -> new CallbackRejectedException(CallbackRejectedException.Reason.UNKNOWN_ORDER,
                        "No quote " + a.reference() + " for vendor " + vendorCode));
        if (quote.getStatus() != HousingQuote.Status.REQUESTED) {
            throw new CallbackRejectedException(CallbackRejectedException.Reason.ALREADY_ANSWERED,
                    "Quote " + quote.getReference() + " is " + quote.getStatus() + " and takes no answer now");
        }
        if ("QUOTED".equals(a.status())) {
            quote.received(a.price(), a.currency(), a.terms(), clock.instant());
        } else {
            quote.declined(a.note(), clock.instant());
        }
        quotes.saveAndFlush(quote);
        List<HousingQuote> request = quotes.findByRequestKeyOrderById(quote.getRequestKey());
        boolean all = request.stream().noneMatch(q -> q.getStatus() == HousingQuote.Status.REQUESTED);
        boolean anyReceived = request.stream().anyMatch(q -> q.getStatus() == HousingQuote.Status.RECEIVED);
        RelocationCase c = cases.get(quote.getCaseId());
        cases.recordStep(c.getId(), TimelineEntry.Kind.CALLBACK_RECEIVED, "housing-quote",
                "TEMPORARY_HOUSING quote " + ("QUOTED".equals(a.status()) ? "received" : "declined"), null, vendorCode);
        return new QuoteAnswered(c.getId(), c.getCaseNumber(), quote.getStatus().name(), all, anyReceived);
    }

    /**
     * The wait for quotes ended: the case's quotes still open expire (a later answer is refused).
     * @return whether a quote of the case's latest request was received (there is one to choose)
     */
    @Transactional
    public boolean expireOpen(Long caseId) {
        quotes.findByCaseIdOrderById(caseId).forEach(HousingQuote::expire);
        return open(caseId).stream().anyMatch(q -> q.getStatus() == HousingQuote.Status.RECEIVED);
    }

    /**
     * No quote of the case's latest request was received (all declined or unanswered by the end of the wait): the stay is
     * ordered, without a quote, from the first vendor asked (in the register's order) that did not decline, or from the
     * category's configured endpoint when all declined; the timeline says so.
     */
    @Transactional
    public ServiceOrder orderWithoutQuotes(Long caseId, String requestKey) {
        List<HousingQuote> asked = open(caseId);
        if (asked.isEmpty()) {
            throw new IllegalStateException("Case " + caseId + " has no housing quotes");
        }
        Optional<HousingQuote> notDeclined = asked.stream().filter(q -> q.getStatus() != HousingQuote.Status.DECLINED).findFirst();
        HousingQuote any = asked.get(0);
        HousingStay stay = new HousingStay(any.getNights(), any.getStartDate(), any.getEndDate(), any.getTravellers());
        Long vendorId = notDeclined.map(HousingQuote::getVendorId).orElse(null);
        ServiceOrder order = vendors.orderFrom(caseId, ServiceType.TEMPORARY_HOUSING, vendorId, requestKey,
                stay.detail() + "; no quote was received, ordered without one", stay.from(), stay.until(), null);
        cases.recordStep(caseId, TimelineEntry.Kind.STEP_COMPLETED, "order-housing-without-quotes",
                "No housing quote received (" + asked.stream().filter(q -> q.getStatus() == HousingQuote.Status.DECLINED).count()
                        + " declined, " + asked.stream().filter(q -> q.getStatus() == HousingQuote.Status.EXPIRED).count()
                        + " unanswered): temporary housing ordered without a quote from "
                        + (vendorId == null ? "the configured housing endpoint" : register.get(vendorId).getName()), null, "system");
        return order;
    }

    /**
     * Whether the case's employee chooses the quote (the policy's allowances say so: executive tiers), rather than the
     * specialist; the choose-housing-quote task is then assigned to the employee.
     */
    @Transactional(readOnly = true)
    public boolean employeeChooses(Long caseId) {
        return policy.employeeChoosesHousingQuote(caseId);
    }

    /** The case's quotes, oldest first. */
    @Transactional(readOnly = true)
    public List<HousingQuote> ofCase(Long caseId) {
        return quotes.findByCaseIdOrderById(caseId);
    }

    /**
     * Field → problem of choosing the quote of that reference: it must be a received quote of the case's current
     * request, and a quote over the policy's cap needs approved temporary-housing policy exceptions covering the excess.
     */
    @Transactional(readOnly = true)
    public Map<String, String> problems(Long caseId, String reference) {
        Map<String, String> problems = new LinkedHashMap<>();
        Optional<HousingQuote> quote = open(caseId).stream().filter(q -> q.getReference().equals(reference)).findFirst();
        if (quote.isEmpty()) {
            List<String> received = open(caseId).stream().filter(q -> q.getStatus() == HousingQuote.Status.RECEIVED)
                    .map(HousingQuote::getReference).toList();
            problems.put("chosenQuote", received.isEmpty() ? "no quote was received for this case; none can be chosen"
                    : "must be the reference of a received quote: " + String.join(", ", received));
            return problems;
        }
        HousingQuote q = quote.get();
        if (q.getStatus() != HousingQuote.Status.RECEIVED) {
            problems.put("chosenQuote", "quote " + q.getReference() + " is " + q.getStatus().name().toLowerCase() + "; choose a received quote");
            return problems;
        }
        Comparison c = compare(caseId, q);
        if (c.reportingPrice() == null || c.reportingCap() == null) {
            problems.put("chosenQuote", "no exchange rate from " + q.getCurrency() + " to " + rates.reportingCurrency().getCurrencyCode()
                    + " is in effect today to check the quote against the policy cap; load the rates first");
        } else if (c.excess().signum() > 0 && c.approvedExceptions().compareTo(c.excess()) < 0) {
            String currency = rates.reportingCurrency().getCurrencyCode();
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
    public HousingQuote choose(Long caseId, String reference, String actor) {
        List<HousingQuote> current = open(caseId);
        HousingQuote chosen = current.stream().filter(q -> q.getReference().equals(reference)
                && q.getStatus() == HousingQuote.Status.RECEIVED).findFirst()
                .orElseThrow(() -> new IllegalStateException("Quote " + reference + " cannot be chosen for case " + caseId));
        chosen.chosen(actor, clock.instant());
        current.stream().filter(q -> q != chosen).forEach(q -> {
            q.notChosen();
            q.expire();
        });
        return chosen;
    }

    /**
     * Orders the stay from the chosen quote's vendor: the quote's nights, dates (the order's start and end) and travellers,
     * the order's text naming the quote and its price, and the quote on the order (its invoice is checked against it).
     * Then the vendors whose quote was not chosen are told ({@value #NOT_CHOSEN_NOTICE}, once each: a redelivered task
     * tells only those not told yet).
     */
    public ServiceOrder orderChosen(Long caseId, String requestKey) {
        HousingQuote chosen = quotes.findByCaseIdOrderById(caseId).stream().filter(q -> q.getStatus() == HousingQuote.Status.CHOSEN)
                .reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalStateException("Case " + caseId + " has no chosen housing quote"));
        String detail = new HousingStay(chosen.getNights(), chosen.getStartDate(), chosen.getEndDate(), chosen.getTravellers()).detail()
                + "; accepted quote " + chosen.getReference() + " at " + chosen.getPrice().toPlainString() + " " + chosen.getCurrency();
        ServiceOrder order = vendors.orderFrom(caseId, ServiceType.TEMPORARY_HOUSING, chosen.getVendorId(), requestKey, detail,
                chosen.getStartDate(), chosen.getEndDate(),
                new VendorService.AcceptedQuote(chosen.getReference(), chosen.getPrice(), chosen.getCurrency()));
        RelocationCase c = cases.get(caseId);
        for (HousingQuote q : quotes.findByRequestKeyOrderById(chosen.getRequestKey())) {
            if (q.getStatus() == HousingQuote.Status.NOT_CHOSEN && q.getNotifiedAt() == null) {
                gateway.send(register.endpointOf(q.getVendorId()), new VendorRequest(q.getReference(), NOT_CHOSEN_NOTICE, c.getCaseNumber(),
                        c.getHostCountry(), c.getHostCity(), q.getStartDate(), q.getEndDate(), q.getTravellers(),
                        "Your quote " + q.getReference() + " was not chosen; thank you for quoting"));
                ownTransaction.executeWithoutResult(s -> quotes.findById(q.getId()).ifPresent(found -> found.notified(clock.instant())));
            }
        }
        return order;
    }

    /** A quote against the policy: prices and cap in the reporting currency (null: no rate today), excess, exceptions. */
    record Comparison(BigDecimal cap, BigDecimal reportingPrice, BigDecimal reportingCap, BigDecimal excess, BigDecimal approvedExceptions) {
    }

    Comparison compare(Long caseId, HousingQuote q) {
        PolicyService.Allowances a = policy.allowances(caseId);
        BigDecimal cap = a.temporaryHousingNightlyRate().multiply(BigDecimal.valueOf(a.temporaryHousingNights()));
        CurrencyUnit reporting = rates.reportingCurrency();
        BigDecimal price = convert(q.getPrice(), q.getCurrency(), reporting);
        BigDecimal reportingCap = convert(cap, PolicyService.POLICY_CURRENCY, reporting);
        BigDecimal excess = price == null || reportingCap == null ? null : price.subtract(reportingCap).max(BigDecimal.ZERO);
        BigDecimal approved = exceptions.approved(caseId).stream()
                .filter(e -> ExceptionCategory.TEMPORARY_HOUSING.code().equals(e.getCategory()))
                .map(PolicyException::getReportingAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Comparison(cap, price, reportingCap, excess, approved);
    }

    javax.money.CurrencyUnit reportingCurrency() {
        return rates.reportingCurrency();
    }

    /** The policy's temporary-housing cap of the case: nights × nightly cap, in the policy currency. */
    @Transactional(readOnly = true)
    public BigDecimal cap(Long caseId) {
        PolicyService.Allowances a = policy.allowances(caseId);
        return a.temporaryHousingNightlyRate().multiply(BigDecimal.valueOf(a.temporaryHousingNights()));
    }

    BigDecimal convert(BigDecimal amount, String currency, CurrencyUnit to) {
        if (amount == null || currency == null) {
            return null;
        }
        LocalDate today = LocalDate.now(clock);
        CurrencyUnit from = ExchangeRateService.currency(currency).orElse(null);
        return from == null || !rates.hasRate(from, to, today) ? null : rates.convert(amount, currency, to, today);
    }

    /** The quotes of the case's latest request. */
    private List<HousingQuote> open(Long caseId) {
        List<HousingQuote> all = quotes.findByCaseIdOrderById(caseId);
        if (all.isEmpty()) {
            return List.of();
        }
        String latest = all.get(all.size() - 1).getRequestKey();
        return new ArrayList<>(all.stream().filter(q -> q.getRequestKey().equals(latest)).toList());
    }

    private static CallbackRejectedException invalid(String message) {
        return new CallbackRejectedException(CallbackRejectedException.Reason.INVALID, message);
    }
}
