package org.relocation.destination;

import org.relocation.policy.PolicyService;
import org.relocation.quote.QuoteSubject;
import org.relocation.quote.ServiceQuotes;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.Relationship;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.relocationcase.Traveller;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.Vendor;
import org.relocation.vendor.VendorService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The family's services at destination: which ones the case gets is the services policy's decision
 * (relocation-services-policy, recorded on the case); each is ordered from its vendor with what the policy allows.
 * The process sees service items only: a service code ({@code home-search}), or a code and a traveller id for orders
 * per traveller ({@code school-search:412}); ages, names and addresses stay in the records and the orders.
 */
@Service
public class DestinationServices {

    /** The household-goods allowance goes to the mover of the housing phase (book-household-shipment), not ordered here. */
    public static final String HOUSEHOLD_GOODS = "household-goods";
    /**
     * The booking steps' input ({@code ${true}} in the models that call relocation-service-quotes after them): absent in
     * a process still running on an earlier version, whose items are then ordered, never quoted.
     */
    public static final String QUOTES_MODELLED = "quotesModelled";
    static final String SCOPE_SCHOOL_AGE_CHILD = "school-age-child";
    static final String SCOPE_PARTNER = "partner";

    private final PolicyService policy;
    private final CaseService cases;
    private final VendorService vendors;
    private final ServiceQuotes quotes;
    private final TransactionTemplate inTransaction;

    DestinationServices(PolicyService policy, CaseService cases, VendorService vendors, ServiceQuotes quotes,
                        PlatformTransactionManager transactions) {
        this.policy = policy;
        this.cases = cases;
        this.vendors = vendors;
        this.quotes = quotes;
        this.inTransaction = new TransactionTemplate(transactions);
    }

    /**
     * Evaluates the services policy for the case (recorded as its policy decision) and lists the services to order, as
     * items: once for the case or family, once per partner, once per child of school age.
     */
    @Transactional
    public List<String> decide(Long caseId) {
        RelocationCase c = cases.get(caseId);
        List<String> items = new ArrayList<>();
        for (PolicyService.ServiceAllowance s : policy.services(caseId)) {
            if (HOUSEHOLD_GOODS.equals(s.service())) {
                continue;
            }
            ServiceType type = type(s.service());
            switch (s.scope() == null ? "case" : s.scope()) {
                case SCOPE_SCHOOL_AGE_CHILD -> c.getTravellers().stream().filter(t -> PolicyService.ofSchoolAge(t, c.getStartDate()))
                        .forEach(t -> items.add(type.vendor() + ":" + t.getId()));
                case SCOPE_PARTNER -> c.getTravellers().stream().filter(t -> t.getRelationship() == Relationship.PARTNER)
                        .forEach(t -> items.add(type.vendor() + ":" + t.getId()));
                default -> items.add(type.vendor());
            }
        }
        return items;
    }

    /**
     * Books one item: the household goods ({@value #HOUSEHOLD_GOODS}, for the housing phase's mover) or a destination
     * service item. Where the services policy marks the service {@code quote} and two or more active vendors cover the
     * host city, up to three are asked for a quote (relocation-service-quotes then waits, the specialist chooses and the
     * chosen vendor receives the order) and true is answered; otherwise the item is ordered from the register's vendor
     * and false answered. The request key (the external task id) makes a redelivered task repeat its first answer.
     * Only where the calling model has the quote step after its booking step ({@code quotesModelled}): a process still
     * running on an earlier version would wait for a confirmation nobody sends.
     */
    public boolean book(Long caseId, String item, String requestKey, boolean quotesModelled) {
        QuoteSubject subject = inTransaction.execute(s -> subject(caseId, item));
        boolean ordered = vendors.orders(caseId).stream().anyMatch(o -> requestKey.equals(o.getRequestKey()));
        boolean asked = quotes.requested(requestKey);
        if (!ordered && (asked || quotesModelled && quoted(caseId, subject))) {
            List<Vendor> covering = quotes.covering(caseId, subject.type());
            if (asked || covering.size() >= 2) {
                quotes.request(caseId, subject, requestKey, covering);
                return true;
            }
        }
        vendors.order(caseId, subject.travellerId(), subject.type(), requestKey, subject.detail());
        return false;
    }

    /**
     * What an item is, for its quote request or its order: its service, its traveller and the detail saying what the
     * policy allows: volume and route, days, hours, persons, the child's age and the teaching language (the case's dates
     * travel in the request's own fields).
     */
    @Transactional
    public QuoteSubject subject(Long caseId, String item) {
        RelocationCase c = cases.get(caseId);
        LocalDate until = c.getEndDate() != null ? c.getEndDate() : c.getStartDate();
        int travellers = Math.max(1, c.getTravellers().size());
        if (HOUSEHOLD_GOODS.equals(item)) {
            return new QuoteSubject(ServiceType.HOUSEHOLD_SHIPMENT, item, null, householdGoodsOrder(caseId), c.getStartDate(), until, 0, travellers);
        }
        String code = item == null ? "" : (item.contains(":") ? item.substring(0, item.indexOf(':')) : item).trim();
        Long travellerId = item != null && item.contains(":") ? Long.valueOf(item.substring(item.indexOf(':') + 1).trim()) : null;
        ServiceType type = type(code);
        PolicyService.ServiceAllowance allowance = allowance(caseId, code)
                .orElseThrow(() -> new IllegalStateException("The services policy of case " + c.getCaseNumber() + " gave no " + code));
        Traveller traveller = travellerId == null ? null : c.getTravellers().stream().filter(t -> t.getId().equals(travellerId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Case " + c.getCaseNumber() + " has no traveller " + travellerId));
        String where = c.getHostCity() + ", " + c.getHostCountry();
        String detail = switch (type) {
            case HOME_SEARCH -> "Home search in " + where + " for a long-term lease from the start date: "
                    + allowance.quantity() + " accompanied day(s), " + c.getTravellers().size() + " traveller(s)";
            case SCHOOL_SEARCH -> "School search in " + where + " for a child aged " + age(traveller, c) + " at the start date"
                    + ", teaching language " + allowance.language();
            case DESTINATION_SERVICES -> "Destination services in " + where + ": registration, bank account, utilities";
            case LANGUAGE_TRAINING -> "Language and cultural training (" + allowance.language() + "): " + allowance.quantity()
                    + " hours for the family of " + c.getTravellers().size();
            case PARTNER_SUPPORT -> "Partner career support in " + where + ": " + allowance.quantity() + " hours";
            case EAP_ENROLMENT -> "EAP and wellbeing enrolment of " + allowance.quantity() + " person(s) from the start date";
            default -> throw new IllegalStateException("Not a destination service: " + type);
        };
        return new QuoteSubject(type, item, travellerId, detail, c.getStartDate(), until, 0, travellers);
    }

    /** Whether the services policy marks the item's service to be quoted ({@code quote}). */
    private boolean quoted(Long caseId, QuoteSubject subject) {
        String code = subject.item().contains(":") ? subject.item().substring(0, subject.item().indexOf(':')) : subject.item();
        return Boolean.TRUE.equals(inTransaction.execute(s -> allowance(caseId, code).map(PolicyService.ServiceAllowance::quote).orElse(false)));
    }

    /**
     * What the mover is told (book-household-shipment): the policy's volume allowance, origin and destination. A case
     * whose services were not decided yet is decided now (the housing and destination phases run in parallel).
     */
    @Transactional
    public String householdGoodsOrder(Long caseId) {
        RelocationCase c = cases.get(caseId);
        List<PolicyService.ServiceAllowance> services = policy.latestServices(caseId).orElseGet(() -> policy.services(caseId));
        String route = " from " + c.getHomeCity() + ", " + c.getHomeCountry() + " to " + c.getHostCity() + ", " + c.getHostCountry();
        return services.stream().filter(s -> HOUSEHOLD_GOODS.equals(s.service())).findFirst()
                .map(s -> "Household goods shipment of up to " + s.quantity() + " m³" + route)
                .orElse("Household goods shipment: no volume allowance in the policy (personal effects only)" + route);
    }

    private Optional<PolicyService.ServiceAllowance> allowance(Long caseId, String code) {
        return policy.latestServices(caseId).flatMap(rows -> rows.stream().filter(s -> code.equals(s.service())).findFirst());
    }

    private static int age(Traveller t, RelocationCase c) {
        return t == null || t.getBirthDate() == null ? 0 : Period.between(t.getBirthDate(), c.getStartDate()).getYears();
    }

    private static ServiceType type(String code) {
        return ServiceType.destinationService(code).orElseThrow(() -> new IllegalStateException(
                "The services policy decided an unknown service " + code + " (check " + PolicyService.SERVICES + ")"));
    }
}
