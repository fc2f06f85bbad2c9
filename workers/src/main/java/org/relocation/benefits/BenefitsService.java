package org.relocation.benefits;

import org.relocation.policy.PolicyService;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.Relationship;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.relocationcase.Traveller;
import org.relocation.vendor.ServiceOrder;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.VendorService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The benefits phase's records: what the benefits policy (decision table relocation-benefits-policy) gives the case,
 * one enrolment per traveller (the employee and each dependant), the international cover arranged where the host
 * country has no plan with the benefits provider, the employee's choices, the enrolment order to the benefits vendor and
 * its confirmation with the cover start.
 */
@Service
public class BenefitsService {

    /** The dependants' plan follows the employee's ({@code dependantsPlan} unset means the same). */
    static final String SAME_AS_EMPLOYEE = "same-as-employee";
    /** The dependants are not enrolled through the benefits provider. */
    static final String NOT_ENROLLED = "not-enrolled";

    private final BenefitsEnrolmentRepository enrolments;
    private final TravellerEnrolmentRepository travellerEnrolments;
    private final InternationalCoverageRepository coverages;
    private final CaseService cases;
    private final PolicyService policy;
    private final VendorService vendors;
    private final Clock clock;

    BenefitsService(BenefitsEnrolmentRepository enrolments, TravellerEnrolmentRepository travellerEnrolments,
                    InternationalCoverageRepository coverages, CaseService cases, PolicyService policy, VendorService vendors, Clock clock) {
        this.enrolments = enrolments;
        this.travellerEnrolments = travellerEnrolments;
        this.coverages = coverages;
        this.cases = cases;
        this.policy = policy;
        this.vendors = vendors;
        this.clock = clock;
    }

    /**
     * Evaluates the benefits policy for the case (recorded as its policy decision) and plans one enrolment per traveller:
     * the host statutory plan where the benefits provider has one, international cover otherwise, from the case's start
     * date; dependants the policy does not cover are NOT_ENROLLED. Idempotent (a redelivered task re-plans).
     */
    @Transactional
    public PolicyService.Benefits determine(Long caseId) {
        RelocationCase c = cases.get(caseId);
        PolicyService.Benefits benefits = policy.benefits(caseId);
        HealthPlan plan = benefits.hostPlan() ? HealthPlan.HOST_NATIONAL : HealthPlan.INTERNATIONAL;
        Map<Long, TravellerEnrolment> existing = new HashMap<>();
        travellerEnrolments.findByCaseIdOrderById(caseId).forEach(e -> existing.put(e.getTravellerId(), e));
        for (Traveller t : c.getTravellers()) {
            TravellerEnrolment e = existing.get(t.getId());
            if (e == null) {
                e = new TravellerEnrolment(caseId, t.getId(), plan, c.getStartDate());
            } else {
                e.planned(plan, c.getStartDate());
            }
            if (t.getRelationship() != Relationship.EMPLOYEE && !benefits.dependantsEligible()) {
                e.chosen(null);
            }
            travellerEnrolments.save(e);
        }
        return benefits;
    }

    /** Whether the case's benefits decision gave a host statutory plan (false before it was evaluated). */
    private boolean hostPlan(Long caseId) {
        return policy.latestOutputs(caseId, PolicyService.BENEFITS).filter(rows -> !rows.isEmpty())
                .map(rows -> "host-statutory".equals(String.valueOf(rows.get(0).get("hostPlan")))).orElse(false);
    }

    @Transactional
    public InternationalCoverage coverageArranged(Long caseId, String provider, String notes, String actor) {
        InternationalCoverage coverage = coverages.findByCaseId(caseId).orElseGet(() -> new InternationalCoverage(caseId));
        coverage.arrange(clip(provider, 200), clip(notes, 2000), actor == null ? "unknown" : actor, clock.instant());
        return coverages.save(coverage);
    }

    /**
     * What contradicts the case in an enrolment, by field: the host country's national plan (for the employee or the
     * dependants) where the benefits policy gave no host plan (HR administration arranged international cover instead),
     * an unknown dependants' choice.
     */
    @Transactional(readOnly = true)
    public Map<String, String> enrolmentProblems(Long caseId, HealthPlan plan, String dependantsPlan) {
        Map<String, String> problems = new LinkedHashMap<>();
        boolean hostPlan = hostPlan(caseId);
        String host = cases.get(caseId).getHostCountry();
        if (plan == HealthPlan.HOST_NATIONAL && !hostPlan) {
            problems.put("healthPlan", "cannot be host-national: the benefits provider has no national plan in " + host
                    + (coverages.findByCaseId(caseId).isPresent() ? " and international cover was arranged" : "")
                    + "; choose international or home-continued");
        }
        if (dependantsPlan != null && !dependantsPlan.isBlank() && !SAME_AS_EMPLOYEE.equals(dependantsPlan) && !NOT_ENROLLED.equals(dependantsPlan)) {
            HealthPlan d = HealthPlan.of(dependantsPlan);
            if (d == null) {
                problems.put("dependantsPlan", "must be one of " + SAME_AS_EMPLOYEE + ", " + String.join(", ", HealthPlan.codes()) + ", " + NOT_ENROLLED);
            } else if (d == HealthPlan.HOST_NATIONAL && !hostPlan) {
                problems.put("dependantsPlan", "cannot be host-national: the benefits provider has no national plan in " + host);
            }
        }
        return problems;
    }

    /** The employee's choices: their plan and pension on the case, and each traveller's plan (dependants: {@code dependantsPlan}). */
    @Transactional
    public BenefitsEnrolment enrolled(Long caseId, HealthPlan plan, PensionContinuation pension, String dependantsPlan, String actor) {
        BenefitsEnrolment enrolment = enrolments.findByCaseId(caseId).orElseGet(() -> new BenefitsEnrolment(caseId));
        enrolment.confirm(plan, pension, actor == null ? "unknown" : actor, clock.instant());
        Map<Long, Relationship> relationships = new HashMap<>();
        cases.get(caseId).getTravellers().forEach(t -> relationships.put(t.getId(), t.getRelationship()));
        HealthPlan dependants = dependantsPlan == null || dependantsPlan.isBlank() || SAME_AS_EMPLOYEE.equals(dependantsPlan) ? plan
                : NOT_ENROLLED.equals(dependantsPlan) ? null : HealthPlan.of(dependantsPlan);
        for (TravellerEnrolment e : travellerEnrolments.findByCaseIdOrderById(caseId)) {
            if (relationships.get(e.getTravellerId()) == Relationship.EMPLOYEE) {
                e.chosen(plan);
            } else if (e.getStatus() != TravellerEnrolment.Status.NOT_ENROLLED) {
                e.chosen(dependants);
            }
        }
        return enrolments.save(enrolment);
    }

    /**
     * Orders the enrolment of the travellers the employee chose for from the benefits vendor (one order for the case; the
     * request key makes a redelivered task reuse it). The order names plans and counts, no family details.
     */
    @Transactional
    public ServiceOrder orderEnrolment(Long caseId, String requestKey) {
        RelocationCase c = cases.get(caseId);
        List<TravellerEnrolment> ordered = travellerEnrolments.findByCaseIdOrderById(caseId).stream()
                .filter(e -> e.getStatus() == TravellerEnrolment.Status.ORDERED || e.getStatus() == TravellerEnrolment.Status.PENDING).toList();
        String plans = ordered.stream().map(e -> e.getPlan().code()).sorted().collect(java.util.stream.Collectors.joining(", "));
        return vendors.order(caseId, ServiceType.BENEFITS_ENROLMENT, requestKey,
                "Enrolment of " + ordered.size() + " traveller(s) in " + c.getHostCountry() + " (" + plans + "), cover from " + c.getStartDate());
    }

    /**
     * Records the benefits vendor's confirmation (its latest confirmed BENEFITS_ENROLMENT order) on each ordered
     * traveller: CONFIRMED with the cover start the vendor gave (validFrom; none given: the planned start).
     *
     * @return whether the cover starts after the case's start (arrival) date: the specialist is asked to review it
     */
    @Transactional
    public boolean confirmationReceived(Long caseId) {
        RelocationCase c = cases.get(caseId);
        ServiceOrder order = vendors.orders(caseId).stream()
                .filter(o -> o.getServiceType() == ServiceType.BENEFITS_ENROLMENT && o.getStatus() == ServiceOrder.Status.CONFIRMED)
                .reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalStateException("Case " + c.getCaseNumber() + " has no confirmed benefits enrolment order"));
        boolean late = false;
        for (TravellerEnrolment e : travellerEnrolments.findByCaseIdOrderById(caseId)) {
            e.confirmed(order.getValidFrom());
            if (e.getStatus() == TravellerEnrolment.Status.CONFIRMED && isLate(e.getCoverStart(), c.getStartDate())) {
                late = true;
            }
        }
        return late;
    }

    static boolean isLate(LocalDate coverStart, LocalDate arrival) {
        return coverStart != null && arrival != null && coverStart.isAfter(arrival);
    }

    @Transactional(readOnly = true)
    public List<TravellerEnrolment> travellerEnrolments(Long caseId) {
        return travellerEnrolments.findByCaseIdOrderById(caseId);
    }

    @Transactional(readOnly = true)
    public Optional<BenefitsEnrolment> enrolment(Long caseId) {
        return enrolments.findByCaseId(caseId);
    }

    @Transactional(readOnly = true)
    public Optional<InternationalCoverage> coverage(Long caseId) {
        return coverages.findByCaseId(caseId);
    }

    private static String clip(String s, int max) {
        return s == null || s.isBlank() ? null : s.substring(0, Math.min(s.length(), max));
    }
}
