package org.relocation.quote;

import org.relocation.fx.ExchangeRateService;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.relocationcase.TimelineEntry;
import org.relocation.vendor.CallbackRejectedException;
import org.relocation.vendor.DeclinedVendors;
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
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Quotes for any item of a case (docs/journey.md, "Quotes"): up to {@value #MAX_QUOTES} vendors are asked
 * ({@link #request}), each answers through its signed callback ({@link #answer}); once all answered, or the wait ran
 * out ({@link #expireOpen}), someone chooses one received quote ({@link #problems}, {@link #choose}) and its vendor
 * receives the order carrying the quote ({@link #orderChosen}), the others are told they were not chosen. With no quote
 * received the item is ordered without one ({@link #orderWithoutQuotes}). Which items are quoted is the feature's
 * decision: temporary housing (housing), the household-goods shipment and the destination services the services policy
 * marks {@code quote} (destination, housing). A case's items are told apart by their {@code item}; each item's latest
 * request is the one that counts (a re-quote is a new request).
 */
@Service
public class ServiceQuotes implements DeclinedVendors {

    private static final Logger log = LoggerFactory.getLogger(ServiceQuotes.class);
    public static final int MAX_QUOTES = 3;
    /** The item of the case's temporary housing (its process waits with messages of its own). */
    public static final String HOUSING_ITEM = "temporary-housing";
    /** The message that tells the housing process every quote of its stay was answered. */
    public static final String HOUSING_ANSWERED = "housing-quotes-answered";
    /** The housing process's variable: whether a quote of its stay was received. */
    public static final String HOUSING_RECEIVED = "housingQuoteReceived";
    /** The message that tells relocation-service-quotes (for its {@value #ITEM_VARIABLE}) every quote was answered. */
    public static final String ANSWERED_MESSAGE = "service-quotes-answered";
    /** relocation-service-quotes' variable: whether a quote of its item was received. */
    public static final String RECEIVED_VARIABLE = "serviceQuoteReceived";
    /** relocation-service-quotes' variable: the item it waits for (a called process per item, told apart by this). */
    public static final String ITEM_VARIABLE = "quotedItem";
    private static final BigDecimal MAX_PRICE = new BigDecimal("999999999.99");

    private final ServiceQuoteRepository quotes;
    private final VendorRegister register;
    private final VendorGateway gateway;
    private final VendorService vendors;
    private final CaseService cases;
    private final ExchangeRateService rates;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    ServiceQuotes(ServiceQuoteRepository quotes, VendorRegister register, VendorGateway gateway, VendorService vendors,
                  CaseService cases, ExchangeRateService rates, Clock clock, PlatformTransactionManager transactions) {
        this.quotes = quotes;
        this.register = register;
        this.gateway = gateway;
        this.vendors = vendors;
        this.cases = cases;
        this.rates = rates;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The message a waiting process takes when every quote of the item's request was answered. */
    public static String answeredMessage(String item) {
        return HOUSING_ITEM.equals(item) ? HOUSING_ANSWERED : ANSWERED_MESSAGE;
    }

    /** The variable that message carries: whether a quote was received. */
    public static String receivedVariable(String item) {
        return HOUSING_ITEM.equals(item) ? HOUSING_RECEIVED : RECEIVED_VARIABLE;
    }

    /** The active vendors of the service covering the case's host country and city, in the register's order of choice. */
    @Transactional(readOnly = true)
    public List<Vendor> covering(Long caseId, ServiceType type) {
        RelocationCase c = cases.get(caseId);
        return register.covering(type, c.getHostCountry(), c.getHostCity());
    }

    /**
     * Asks the given vendors (the first {@value #MAX_QUOTES}) for a quote of the subject under the request key (the
     * external task's id). A redelivered task asks nobody new: it sends the requests not sent yet.
     * @return how many were asked under the key
     */
    public int request(Long caseId, QuoteSubject subject, String requestKey, List<Vendor> asked) {
        RelocationCase c = cases.get(caseId);
        List<ServiceQuote> requested = quotes.findByRequestKeyOrderById(requestKey);
        if (requested.isEmpty()) {
            requested = ownTransaction.execute(s -> asked.stream().limit(MAX_QUOTES)
                    .map(v -> quotes.save(new ServiceQuote(caseId, v.getId(), prefix(subject.type()) + UUID.randomUUID().toString()
                            .substring(0, 13).toUpperCase(), requestKey, subject, clock.instant())))
                    .toList());
        }
        for (ServiceQuote q : requested) {
            if (q.getSentAt() == null) {
                gateway.send(register.endpointOf(q.getVendorId()), new VendorRequest(q.getReference(), quoteRequest(q.getServiceType()),
                        c.getCaseNumber(), c.getHostCountry(), c.getHostCity(), q.getStartDate(), q.getEndDate(), q.getTravellers(),
                        "Quote for " + lowerFirst(q.getDetail())));
                ownTransaction.executeWithoutResult(s -> quotes.findById(q.getId()).ifPresent(found -> found.sent(clock.instant())));
                log.info("Quote {} ({}) requested for case {}", q.getReference(), q.getServiceType(), c.getCaseNumber());
            }
        }
        return requested.size();
    }

    /** Whether quotes were asked under the request key (a redelivered booking task asks nobody new). */
    @Transactional(readOnly = true)
    public boolean requested(String requestKey) {
        return !quotes.findByRequestKeyOrderById(requestKey).isEmpty();
    }

    /** The service type a quote request of the service is sent with, e.g. {@code HOUSEHOLD_SHIPMENT_QUOTE}. */
    public static String quoteRequest(ServiceType type) {
        return type.name() + "_QUOTE";
    }

    /** The service type of the notice a vendor receives when its quote was not chosen. */
    public static String notChosenNotice(ServiceType type) {
        return type.name() + "_QUOTE_NOT_CHOSEN";
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
        // the request's quotes locked first (the other answers of the request wait here), then read: current, never stale
        List<ServiceQuote> request = quotes.requestKeyOf(a.reference()).map(quotes::lockRequest).orElse(List.of());
        ServiceQuote quote = request.stream().filter(q -> q.getReference().equals(a.reference())
                        && register.get(q.getVendorId()).getCode().equals(vendorCode)).findFirst()
                .orElseThrow(() -> new CallbackRejectedException(CallbackRejectedException.Reason.UNKNOWN_ORDER,
                        "No quote " + a.reference() + " for vendor " + vendorCode));
        if (quote.getStatus() != ServiceQuote.Status.REQUESTED) {
            throw new CallbackRejectedException(CallbackRejectedException.Reason.ALREADY_ANSWERED,
                    "Quote " + quote.getReference() + " is " + quote.getStatus() + " and takes no answer now");
        }
        if ("QUOTED".equals(a.status())) {
            quote.received(a.price(), a.currency(), a.terms(), clock.instant());
        } else {
            quote.declined(a.note(), clock.instant());
        }
        quotes.saveAndFlush(quote);
        boolean all = request.stream().noneMatch(q -> q.getStatus() == ServiceQuote.Status.REQUESTED);
        boolean anyReceived = request.stream().anyMatch(q -> q.getStatus() == ServiceQuote.Status.RECEIVED);
        RelocationCase c = cases.get(quote.getCaseId());
        cases.recordStep(c.getId(), TimelineEntry.Kind.CALLBACK_RECEIVED, HOUSING_ITEM.equals(quote.getItem()) ? "housing-quote" : "service-quote",
                quote.getServiceType().name() + " quote " + ("QUOTED".equals(a.status()) ? "received" : "declined"), null, vendorCode);
        return new QuoteAnswered(c.getId(), c.getCaseNumber(), quote.getServiceType(), quote.getItem(), quote.getStatus().name(),
                all, anyReceived);
    }

    /**
     * The wait for the item's quotes ended: its quotes still open expire (a later answer is refused).
     * @return whether a quote of the item's latest request was received (there is one to choose)
     */
    @Transactional
    public boolean expireOpen(Long caseId, String item) {
        quotes.findByCaseIdAndItemOrderById(caseId, item).forEach(ServiceQuote::expire);
        return latest(caseId, item).stream().anyMatch(q -> q.getStatus() == ServiceQuote.Status.RECEIVED);
    }

    /** The quotes of the item's latest request, oldest first (empty: never quoted). */
    @Transactional(readOnly = true)
    public List<ServiceQuote> latest(Long caseId, String item) {
        List<ServiceQuote> all = quotes.findByCaseIdAndItemOrderById(caseId, item);
        if (all.isEmpty()) {
            return List.of();
        }
        String key = all.get(all.size() - 1).getRequestKey();
        return all.stream().filter(q -> q.getRequestKey().equals(key)).toList();
    }

    /** The case's quotes of every item, oldest first. */
    @Transactional(readOnly = true)
    public List<ServiceQuote> ofCase(Long caseId) {
        return quotes.findByCaseIdOrderById(caseId);
    }

    /**
     * Field {@code chosenQuote} → problem of choosing the quote of that reference for the item: it must be a received
     * quote of the item's latest request. (A cap is the feature's own check.)
     */
    @Transactional(readOnly = true)
    public Map<String, String> problems(Long caseId, String item, String reference) {
        Map<String, String> problems = new LinkedHashMap<>();
        List<ServiceQuote> current = latest(caseId, item);
        Optional<ServiceQuote> quote = current.stream().filter(q -> q.getReference().equals(reference)).findFirst();
        if (quote.isEmpty()) {
            List<String> received = current.stream().filter(q -> q.getStatus() == ServiceQuote.Status.RECEIVED)
                    .map(ServiceQuote::getReference).toList();
            problems.put("chosenQuote", received.isEmpty() ? "no quote was received for this case; none can be chosen"
                    : "must be the reference of a received quote: " + String.join(", ", received));
        } else if (quote.get().getStatus() != ServiceQuote.Status.RECEIVED) {
            problems.put("chosenQuote", "quote " + reference + " is " + quote.get().getStatus().name().toLowerCase()
                    + "; choose a received quote");
        }
        return problems;
    }

    /** Records the choice (checked by {@link #problems}): the others received are not chosen, those still open expire. */
    @Transactional
    public ServiceQuote choose(Long caseId, String item, String reference, String actor) {
        List<ServiceQuote> current = latest(caseId, item);
        ServiceQuote chosen = current.stream().filter(q -> q.getReference().equals(reference)
                        && q.getStatus() == ServiceQuote.Status.RECEIVED).findFirst()
                .orElseThrow(() -> new IllegalStateException("Quote " + reference + " cannot be chosen for case " + caseId));
        chosen.chosen(actor, clock.instant());
        current.stream().filter(q -> q != chosen).forEach(q -> {
            q.notChosen();
            q.expire();
        });
        quotes.saveAll(current);
        return chosen;
    }

    /** The chosen quote of the item's latest request, if one was chosen. */
    @Transactional(readOnly = true)
    public Optional<ServiceQuote> chosen(Long caseId, String item) {
        return latest(caseId, item).stream().filter(q -> q.getStatus() == ServiceQuote.Status.CHOSEN).findFirst();
    }

    /**
     * Orders the item from the chosen quote's vendor: the quote's text, dates and traveller, the order's text naming the
     * quote and its price, and the quote on the order (its invoice is checked against it). Then the vendors whose quote was
     * not chosen are told (once each: a redelivered task tells only those not told yet).
     */
    public ServiceOrder orderChosen(Long caseId, String item, String requestKey) {
        ServiceQuote chosen = chosen(caseId, item)
                .orElseThrow(() -> new IllegalStateException("Case " + caseId + " has no chosen quote for " + item));
        String detail = chosen.getDetail() + "; accepted quote " + chosen.getReference() + " at " + chosen.getPrice().toPlainString()
                + " " + chosen.getCurrency();
        ServiceOrder order = vendors.orderFrom(caseId, chosen.getTravellerId(), chosen.getServiceType(), chosen.getVendorId(), requestKey,
                detail, chosen.getStartDate(), chosen.getEndDate(),
                new VendorService.AcceptedQuote(chosen.getReference(), chosen.getPrice(), chosen.getCurrency()));
        RelocationCase c = cases.get(caseId);
        for (ServiceQuote q : quotes.findByRequestKeyOrderById(chosen.getRequestKey())) {
            if (q.getStatus() == ServiceQuote.Status.NOT_CHOSEN && q.getNotifiedAt() == null) {
                gateway.send(register.endpointOf(q.getVendorId()), new VendorRequest(q.getReference(), notChosenNotice(q.getServiceType()),
                        c.getCaseNumber(), c.getHostCountry(), c.getHostCity(), q.getStartDate(), q.getEndDate(), q.getTravellers(),
                        "Your quote " + q.getReference() + " was not chosen; thank you for quoting"));
                ownTransaction.executeWithoutResult(s -> quotes.findById(q.getId()).ifPresent(found -> found.notified(clock.instant())));
            }
        }
        return order;
    }

    /**
     * No quote of the item's latest request was received (all declined or unanswered by the end of the wait): the item is
     * ordered, without a quote, from the first vendor asked (in the register's order) that did not decline, or from the
     * category's configured endpoint when all declined; the timeline says so.
     */
    @Transactional
    public ServiceOrder orderWithoutQuotes(Long caseId, String item, String requestKey) {
        List<ServiceQuote> asked = latest(caseId, item);
        if (asked.isEmpty()) {
            throw new IllegalStateException("Case " + caseId + " has no quotes for " + item);
        }
        ServiceQuote any = asked.get(0);
        Long vendorId = asked.stream().filter(q -> q.getStatus() != ServiceQuote.Status.DECLINED).findFirst()
                .map(ServiceQuote::getVendorId).orElse(null);
        boolean redelivered = vendors.orders(caseId).stream().anyMatch(o -> requestKey.equals(o.getRequestKey()));
        ServiceOrder order = vendors.orderFrom(caseId, any.getTravellerId(), any.getServiceType(), vendorId, requestKey,
                any.getDetail() + "; no quote was received, ordered without one", any.getStartDate(), any.getEndDate(), null);
        if (redelivered) {
            return order; // a redelivered task: the order and its timeline entry exist
        }
        long declined = asked.stream().filter(q -> q.getStatus() == ServiceQuote.Status.DECLINED).count();
        long unanswered = asked.stream().filter(q -> q.getStatus() == ServiceQuote.Status.EXPIRED).count();
        String what = any.getServiceType().name().toLowerCase().replace('_', ' ');
        cases.recordStep(caseId, TimelineEntry.Kind.STEP_COMPLETED, HOUSING_ITEM.equals(item) ? "order-housing-without-quotes" : "order-quoted-service",
                "No " + any.getServiceType().vendor() + " quote received (" + declined + " declined, " + unanswered + " unanswered): "
                        + what + " ordered without a quote from "
                        + (vendorId == null ? "the configured " + any.getServiceType().vendor() + " endpoint" : register.get(vendorId).getName()),
                null, "system");
        return order;
    }

    /**
     * The vendors a re-quote of a service of the case asks, up to {@value #MAX_QUOTES} in the register's order of choice:
     * the active vendors of the service covering the host country and city, except the given one (the breaching order's
     * vendor; null: none), vendors that declined a quote of the service for the case (and traveller) and vendors of its
     * withdrawn or refused orders of the service (and traveller).
     */
    @Transactional(readOnly = true)
    public List<Vendor> requoteVendors(Long caseId, ServiceType type, Long travellerId, Long excludedVendorId) {
        Set<Long> excluded = new java.util.HashSet<>(declined(caseId, type, travellerId));
        if (excludedVendorId != null) {
            excluded.add(excludedVendorId);
        }
        vendors.orders(caseId).stream().filter(o -> o.getServiceType() == type && o.getVendorId() != null
                        && Objects.equals(o.getTravellerId(), travellerId)
                        && (o.getStatus() == ServiceOrder.Status.WITHDRAWN || o.getStatus() == ServiceOrder.Status.REFUSED))
                .forEach(o -> excluded.add(o.getVendorId()));
        return covering(caseId, type).stream().filter(v -> !excluded.contains(v.getId())).limit(MAX_QUOTES).toList();
    }

    /**
     * Re-quotes an item after the specialists withdrew its order (relocation-service-quotes started at its message start
     * event, task request-service-requotes): asks {@link #requoteVendors} for the item as asked the last time, under the
     * request key; a redelivered task sends what is not sent yet. With none left by now (deactivated since the
     * specialists' choice) the item is ordered without a quote from the configured endpoint.
     * @return whether vendors were asked (false: ordered without a quote)
     */
    public boolean requote(Long caseId, String item, String requestKey) {
        List<ServiceQuote> earlier = latest(caseId, item);
        if (earlier.isEmpty()) {
            throw new IllegalStateException("Case " + caseId + " has no quotes for " + item + " to re-quote");
        }
        QuoteSubject subject = earlier.get(0).subject();
        if (earlier.get(0).getRequestKey().equals(requestKey)) {
            request(caseId, subject, requestKey, List.of()); // a redelivered task: send what is not sent yet
            return true;
        }
        List<Vendor> asked = requoteVendors(caseId, subject.type(), subject.travellerId(), null);
        if (asked.isEmpty()) {
            vendors.orderFrom(caseId, subject.travellerId(), subject.type(), null, requestKey,
                    subject.detail() + "; re-quoted, but no other vendor was left to quote, ordered without one",
                    subject.from(), subject.until(), null);
            return false;
        }
        request(caseId, subject, requestKey, asked);
        return true;
    }

    /**
     * The vendors that declined a quote of the service for the case (and traveller, where per traveller): a switch after
     * a missed SLA does not order from them ({@link org.relocation.vendor.VendorSlas#nextVendor}), nor does a re-quote ask them.
     */
    @Override
    @Transactional(readOnly = true)
    public Set<Long> declined(Long caseId, ServiceType type, Long travellerId) {
        return quotes.findByCaseIdOrderById(caseId).stream()
                .filter(q -> q.getServiceType() == type && q.getStatus() == ServiceQuote.Status.DECLINED
                        && (travellerId == null || q.getTravellerId() == null || Objects.equals(q.getTravellerId(), travellerId)))
                .map(ServiceQuote::getVendorId).collect(Collectors.toSet());
    }

    /**
     * One quote as a row of a choice form's side-by-side table: reference, vendor, status, price in the quote's and the
     * reporting currency ("no rate today" where none is in effect), dates and the vendor's terms (or why it declined).
     */
    @Transactional(readOnly = true)
    public Map<String, Object> row(ServiceQuote q) {
        Map<String, Object> row = new LinkedHashMap<>();
        CurrencyUnit reporting = rates.reportingCurrency();
        row.put("reference", q.getReference());
        row.put("vendor", register.get(q.getVendorId()).getName());
        row.put("status", q.getStatus().name().toLowerCase().replace('_', ' '));
        row.put("price", q.getPrice() == null ? "" : q.getPrice().toPlainString() + " " + q.getCurrency());
        BigDecimal converted = convert(q.getPrice(), q.getCurrency(), reporting);
        row.put("reportingPrice", q.getPrice() == null ? "" : converted == null ? "no rate today"
                : converted.toPlainString() + " " + reporting.getCurrencyCode());
        row.put("dates", q.getStartDate().equals(q.getEndDate()) ? "from " + q.getStartDate() : q.getStartDate() + " to " + q.getEndDate());
        row.put("terms", q.getTerms() != null ? q.getTerms() : q.getDeclineReason() != null ? q.getDeclineReason() : "");
        return row;
    }

    public CurrencyUnit reportingCurrency() {
        return rates.reportingCurrency();
    }

    /** An amount converted at today's rate; null when no rate is in effect today (or no amount). */
    public BigDecimal convert(BigDecimal amount, String currency, CurrencyUnit to) {
        if (amount == null || currency == null) {
            return null;
        }
        LocalDate today = LocalDate.now(clock);
        CurrencyUnit from = ExchangeRateService.currency(currency).orElse(null);
        return from == null || !rates.hasRate(from, to, today) ? null : rates.convert(amount, currency, to, today);
    }

    private static String prefix(ServiceType type) {
        return type == ServiceType.TEMPORARY_HOUSING ? "HQ-" : "Q-";
    }

    private static String lowerFirst(String s) {
        return s == null || s.isEmpty() ? "" : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static CallbackRejectedException invalid(String message) {
        return new CallbackRejectedException(CallbackRejectedException.Reason.INVALID, message);
    }
}
