package org.relocation.tax;

import org.relocation.keydate.KeyDateKind;
import org.relocation.keydate.KeyDateService;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.vendor.ServiceOrder;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.VendorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The tax provider's services for a case's employee (docs/pay-and-tax.md "Settlements and tax returns"), run by process
 * {@value TaxServicesProcess#PROCESS_KEY}, one per case, which the payroll phase's {@code request-tax-briefing} starts:
 * the pre-departure briefing is ordered and the provider's signed answer awaited (an SLA breach opens
 * {@code follow-up-tax-briefing}), then for each tax year of the assignment the home and the host tax return are ordered
 * and each filing deadline ({@link TaxReturnProperties}) becomes a key date of the employee ({@code tax-return-due-<country>-<year>}),
 * which the key-date follow-up reminds. Every order has a business request key, so a redelivered task orders nothing twice.
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

    TaxProviderOrders(CaseService cases, VendorService vendors, KeyDateService keyDates, PresenceProperties taxYears,
                      TaxReturnProperties returns, Optional<TaxServicesProcess> process) {
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
     * deadline as a key date of the employee. Idempotent: the same return is ordered once and its key date upserted.
     * Not one transaction: each order and each key date commits on its own. A key date's row holds a shared lock on
     * its case until commit, and the next order is inserted in a transaction of its own (VendorService): had this
     * method held the key dates open while a concurrent close of the case queued for the case row, the order would have
     * waited behind the close and the close behind this transaction, a wait through this thread that MariaDB does not
     * see as a deadlock (the journey test stopped for the 50 s lock-wait timeout). A crash midway leaves the returns
     * ordered so far; the task is offered again and orders the rest.
     */
    public List<TaxReturn> orderReturns(Long caseId) {
        RelocationCase c = cases.get(caseId);
        List<TaxReturn> planned = returnsOf(c);
        for (TaxReturn r : planned) {
            vendors.order(caseId, null, ServiceType.TAX_RETURN, r.country(), r.requestKey(caseId), r.role() + " tax return " + r.country() + " "
                    + r.taxYear() + " (" + r.yearStart() + " to " + r.yearEnd() + "), filing deadline " + r.filingDeadline());
            keyDates.register(caseId, null, r.keyDateKind(), r.filingDeadline(), (r.role().equals("HOME") ? "Home" : "Host")
                    + " tax return " + r.country() + " " + r.taxYear() + ": filing deadline (relocation.tax.returns)");
        }
        log.info("Case {}: {} tax returns ordered", c.getCaseNumber(), planned.size());
        return planned;
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
