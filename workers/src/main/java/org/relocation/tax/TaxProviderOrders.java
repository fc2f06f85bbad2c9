package org.relocation.tax;

import org.relocation.keydate.KeyDateKind;
import org.relocation.keydate.KeyDateService;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.relocationcase.TimelineEntry;
import org.relocation.vendor.ServiceOrder;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.VendorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tax provider's services for a case's employee (docs/pay-and-tax.md "Settlements and tax returns"), run by process
 * {@value TaxServicesProcess#PROCESS_KEY}, one per case, which the payroll phase's {@code request-tax-briefing} starts:
 * the pre-departure briefing is ordered and the provider's signed answer awaited (an SLA breach opens
 * {@code follow-up-tax-briefing}), then for each tax year of the assignment the home and the host tax return are ordered
 * and each filing deadline ({@link TaxReturnProperties}) becomes a key date of the employee ({@code tax-return-due-<country>-<year>}),
 * which the key-date follow-up reminds. Every order has a business request key, so a redelivered task orders nothing twice.
 * <p>
 * The returns follow the assignment ({@link #assignmentChanged}): once the returns of a case were ordered, a change of
 * its dates (an extension, a shorter assignment, a moved start) orders the returns of the tax years now inside it and
 * withdraws the filing-deadline key dates of those no longer inside it. The vendor port cannot cancel an order, so such
 * an order stays with the provider and the case's timeline says so (ask the provider to cancel it).
 */
@Service
public class TaxProviderOrders {

    private static final Logger log = LoggerFactory.getLogger(TaxProviderOrders.class);

    /** One tax return of the assignment: HOME or HOST, its country's tax year and filing deadline. */
    public record TaxReturn(String role, String country, int taxYear, LocalDate yearStart, LocalDate yearEnd, LocalDate filingDeadline) {

        /** The key date's kind: {@code tax-return-due-de-2027}. */
        public String keyDateKind() {
            return KeyDateKind.TAX_RETURN_DUE.code() + "-" + country.toLowerCase(Locale.ROOT) + "-" + taxYear;
        }

        String requestKey(Long caseId) {
            return "tax-return-" + caseId + "-" + country + "-" + taxYear;
        }
    }

    private final CaseService cases;
    private final VendorService vendors;
    private final KeyDateService keyDates;
    private final PresenceProperties taxYears;
    private final TaxReturnProperties returns;
    private final Optional<TaxServicesProcess> process;
    private final TransactionTemplate own;

    TaxProviderOrders(CaseService cases, VendorService vendors, KeyDateService keyDates, PresenceProperties taxYears,
                      TaxReturnProperties returns, Optional<TaxServicesProcess> process, PlatformTransactionManager transactions) {
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.cases = cases;
        this.vendors = vendors;
        this.keyDates = keyDates;
        this.taxYears = taxYears;
        this.returns = returns;
        this.process = process;
    }

    /**
     * The payroll phase asks for the tax services: starts the case's process once (a second request finds it).
     * Without an engine here (the standalone workers), the server starts it when the task completes.
     * @return the process instance id, or empty without an engine here
     */
    @Transactional
    public Optional<String> requested(Long caseId) {
        RelocationCase c = cases.get(caseId);
        return process.map(p -> p.startOnce(c.getCaseNumber(), caseId));
    }

    /** Orders the pre-departure briefing, once per case. */
    @Transactional
    public ServiceOrder orderBriefing(Long caseId) {
        RelocationCase c = cases.get(caseId);
        return vendors.order(caseId, ServiceType.TAX_BRIEFING, "tax-briefing-" + caseId, "Pre-departure tax briefing ("
                + c.getHomeCountry() + " to " + c.getHostCountry() + ", " + c.getAssignmentType() + "): home and host tax "
                + "position, tax approach, presence days, filing obligations");
    }

    /** The case's latest briefing order, if one was placed. */
    @Transactional(readOnly = true)
    public Optional<ServiceOrder> briefing(Long caseId) {
        return vendors.orders(caseId).stream().filter(o -> o.getServiceType() == ServiceType.TAX_BRIEFING).reduce((a, b) -> b);
    }

    /**
     * Orders the home and host returns of every tax year of the assignment and registers (or moves) each filing
     * deadline as a key date of the employee; returns ordered before for tax years no longer inside the assignment lose
     * their key date ({@link #assignmentChanged}). Idempotent: the same return is ordered once and its key date upserted.
     * Not one transaction: each order and each key date commits on its own (a transaction of its own, also when called
     * after the commit of a case change). A key date's row holds a shared lock on
     * its case until commit, and the next order is inserted in a transaction of its own (VendorService): had this
     * method held the key dates open while a concurrent close of the case queued for the case row, the order would have
     * waited behind the close and the close behind this transaction, a wait through this thread that MariaDB does not
     * see as a deadlock (the journey test stopped for the 50 s lock-wait timeout). A crash midway leaves the returns
     * ordered so far; the task is offered again and orders the rest.
     */
    public List<TaxReturn> orderReturns(Long caseId) {
        RelocationCase c = own.execute(s -> cases.get(caseId));
        Long employee = own.execute(s -> cases.get(caseId).employee().getId());
        List<TaxReturn> planned = returnsOf(c);
        for (TaxReturn r : planned) {
            own.executeWithoutResult(s -> vendors.order(caseId, null, ServiceType.TAX_RETURN, r.country(), r.requestKey(caseId), r.role()
                    + " tax return " + r.country() + " " + r.taxYear() + " (" + r.yearStart() + " to " + r.yearEnd() + "), filing deadline "
                    + r.filingDeadline()));
            own.executeWithoutResult(s -> keyDates.register(caseId, employee, r.keyDateKind(), r.filingDeadline(),
                    (r.role().equals("HOME") ? "Home" : "Host") + " tax return " + r.country() + " " + r.taxYear()
                            + ": filing deadline (relocation.tax.returns)"));
        }
        int withdrawn = withdrawOutside(caseId, employee, planned);
        log.info("Case {}: {} tax returns ordered, {} no longer in the assignment withdrawn", c.getCaseNumber(), planned.size(), withdrawn);
        return planned;
    }

    /**
     * The case's assignment dates changed ({@code relocationcase.AssignmentDatesChanged}): if its returns were ordered
     * already (the tax services reached {@code order-tax-returns}), the returns follow the new dates ({@link #orderReturns});
     * otherwise nothing happens (the returns will be ordered from the dates as they are then).
     *
     * @return the returns of the assignment now, or empty when none were ordered yet
     */
    public Optional<List<TaxReturn>> assignmentChanged(Long caseId) {
        boolean ordered = own.execute(s -> vendors.orders(caseId).stream().anyMatch(o -> o.getServiceType() == ServiceType.TAX_RETURN));
        if (!ordered) {
            return Optional.empty();
        }
        return Optional.of(orderReturns(caseId));
    }

    /**
     * Withdraws the filing-deadline key date of every return ordered for a tax year the assignment no longer runs in,
     * and says on the case's timeline that its order stays with the provider (the vendor port has no cancellation).
     * @return how many were withdrawn now
     */
    private int withdrawOutside(Long caseId, Long employee, List<TaxReturn> planned) {
        Set<String> inside = planned.stream().map(r -> r.requestKey(caseId)).collect(Collectors.toSet());
        String prefix = "tax-return-" + caseId + "-";
        List<ServiceOrder> outside = own.execute(s -> vendors.orders(caseId)).stream()
                .filter(o -> o.getServiceType() == ServiceType.TAX_RETURN && o.getRequestKey() != null
                        && o.getRequestKey().startsWith(prefix) && !inside.contains(o.getRequestKey())).toList();
        int n = 0;
        for (ServiceOrder o : outside) {
            String[] countryYear = o.getRequestKey().substring(prefix.length()).split("-");
            if (countryYear.length != 2) {
                continue;
            }
            String country = countryYear[0];
            String year = countryYear[1];
            String kind = KeyDateKind.TAX_RETURN_DUE.code() + "-" + country.toLowerCase(Locale.ROOT) + "-" + year;
            Boolean withdrawn = own.execute(s -> {
                boolean w = keyDates.withdraw(caseId, employee, kind);
                if (w) {
                    cases.recordStep(caseId, TimelineEntry.Kind.STEP_COMPLETED, "tax-return-withdrawn", "Tax return " + country + " "
                            + year + " is no longer in the assignment: key date withdrawn; order " + o.getReference()
                            + " not cancelled (the vendor port cannot): ask the tax provider to cancel it",
                            null, null);
                }
                return w;
            });
            if (Boolean.TRUE.equals(withdrawn)) {
                n++;
            }
        }
        return n;
    }

    /**
     * The returns of a case: for the home country and, when it differs, the host country, each tax year of that country
     * the assignment runs in (from the start date to the end date; without an end date, the year of the move only), at
     * most {@code max-tax-years} per country.
     */
    public List<TaxReturn> returnsOf(RelocationCase c) {
        return plan(c.getHomeCountry(), c.getHostCountry(), c.getStartDate(), c.getEndDate(), taxYears, returns);
    }

    /** {@link #returnsOf} from the case's countries and dates. */
    static List<TaxReturn> plan(String home, String host, LocalDate start, LocalDate end, PresenceProperties taxYears, TaxReturnProperties returns) {
        List<TaxReturn> result = new ArrayList<>();
        add(result, "HOME", home, start, end, taxYears, returns);
        if (!host.equals(home)) {
            add(result, "HOST", host, start, end, taxYears, returns);
        }
        return result;
    }

    private static void add(List<TaxReturn> result, String role, String country, LocalDate start, LocalDate end,
                            PresenceProperties taxYears, TaxReturnProperties returns) {
        int first = taxYears.taxYearOf(country, start);
        int last = end == null ? first : Math.min(taxYears.taxYearOf(country, end), first + returns.getMaxTaxYears() - 1);
        for (int year = first; year <= last; year++) {
            LocalDate yearEnd = taxYears.taxYearEnd(country, year);
            result.add(new TaxReturn(role, country, year, taxYears.taxYearStart(country, year), yearEnd, returns.filingDeadline(country, yearEnd)));
        }
    }
}
