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
import java.util.Set;

/**
 * The benefits phase's records: what the benefits policy (decision table relocation-benefits-policy) gives the case,
 * one enrolment per traveller (the employee and each dependant), the international cover arranged where the host
 * country has no plan with the benefits provider, the employee's choices, the enrolment order to the benefits vendor and
 * its confirmation with the cover start.
 */
@Service
public class BenefitsService {

    /** A dependant the employee does not enrol through the benefits provider (form confirm-benefits-enrolment). */
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
     * A dependant's line of the enrolment form as submitted (form field {@code dependantPlans}): the traveller's id as
     * sent (a number or its text) and the plan code, {@value #NOT_ENROLLED} for none.
     */
    public record DependantChoice(Object travellerId, String plan) {
    }

    /**
     * A dependant the employee chooses a plan for (the form's {@code dependantPlans} prefill): the traveller, who they
     * are without their name ("Partner", "Child, 9 years": the task is the employee's own, yet no name is needed) and
     * the plan the benefits policy proposed.
     */
    public record DependantPlan(Long travellerId, String who, String plan) {
    }

    /**
     * The dependants whose plan the employee chooses: every dependant the benefits policy enrols (not those it left
     * NOT_ENROLLED), with the plan it proposed, in the order of the case's travellers.
     */
    @Transactional(readOnly = true)
    public List<DependantPlan> dependantPlans(Long caseId) {
        RelocationCase c = cases.get(caseId);
        Map<Long, TravellerEnrolment> enrolled = new HashMap<>();
        travellerEnrolments.findByCaseIdOrderById(caseId).forEach(e -> enrolled.put(e.getTravellerId(), e));
        LocalDate on = c.getStartDate() != null ? c.getStartDate() : LocalDate.now(clock);
        List<DependantPlan> plans = new java.util.ArrayList<>();
        for (Traveller t : c.getTravellers()) {
            TravellerEnrolment e = enrolled.get(t.getId());
            if (t.getRelationship() != Relationship.EMPLOYEE && e != null && e.getStatus() != TravellerEnrolment.Status.NOT_ENROLLED) {
                plans.add(new DependantPlan(t.getId(), who(t, on), e.getPlan() == null ? null : e.getPlan().code()));
            }
        }
        return plans;
    }

    /** "Partner", "Child, 9 years" (a child's age on the start date): the relationship, never the name. */
    static String who(Traveller t, LocalDate on) {
        if (t.getRelationship() == Relationship.PARTNER) {
            return "Partner";
        }
        String relationship = "Child";
        if (t.getBirthDate() == null || on == null) {
            return relationship;
        }
        long years = java.time.temporal.ChronoUnit.YEARS.between(t.getBirthDate(), on);
        return relationship + ", " + years + (years == 1 ? " year" : " years");
    }

    /**
     * What contradicts the case in an enrolment, by field: the host country's national plan (for the employee or a
     * dependant) where the benefits policy gave no host plan (HR administration arranged international cover instead);
     * in {@code dependantPlans} (null: not sent, each dependant keeps the policy's plan) an entry naming no traveller, a
     * traveller of another case or the employee, a dependant twice or one the policy does not enrol, an unknown plan,
     * and a dependant left out. Keys name the entry: {@code dependantPlans[1].plan}.
     */
    @Transactional(readOnly = true)
    public Map<String, String> enrolmentProblems(Long caseId, HealthPlan plan, List<DependantChoice> dependantPlans) {
        Map<String, String> problems = new LinkedHashMap<>();
        boolean hostPlan = hostPlan(caseId);
        String host = cases.get(caseId).getHostCountry();
        if (plan == HealthPlan.HOST_NATIONAL && !hostPlan) {
            problems.put("healthPlan", "cannot be host-national: the benefits provider has no national plan in " + host
                    + (coverages.findByCaseId(caseId).isPresent() ? " and international cover was arranged" : "")
                    + "; choose international or home-continued");
        }
        if (dependantPlans == null) {
            return problems;
        }
        Map<Long, Relationship> travellers = new HashMap<>();
        cases.get(caseId).getTravellers().forEach(t -> travellers.put(t.getId(), t.getRelationship()));
        Set<Long> expected = new java.util.LinkedHashSet<>();
        dependantPlans(caseId).forEach(d -> expected.add(d.travellerId()));
        Set<Long> listed = new java.util.HashSet<>();
        for (int i = 0; i < dependantPlans.size(); i++) {
            DependantChoice choice = dependantPlans.get(i);
            String entry = DEPENDANT_PLANS + "[" + i + "]";
            Long id = travellerId(choice.travellerId());
            if (id == null) {
                problems.put(entry + ".travellerId", "this entry names no family member: send the travellerId of the form");
                continue;
            }
            if (!travellers.containsKey(id)) {
                problems.put(entry + ".travellerId", "is not a family member moving with you on this case");
                continue;
            }
            if (travellers.get(id) == Relationship.EMPLOYEE) {
                problems.put(entry + ".travellerId", "is you: choose your own plan under Health plan");
                continue;
            }
            if (!listed.add(id)) {
                problems.put(entry + ".travellerId", "this family member is listed twice: choose one plan for each");
                continue;
            }
            HealthPlan p = HealthPlan.of(choice.plan());
            if (p == null && !NOT_ENROLLED.equals(choice.plan())) {
                problems.put(entry + ".plan", "choose one of the options: " + String.join(", ", HealthPlan.codes()) + " or " + NOT_ENROLLED);
            } else if (p != null && !expected.contains(id)) {
                problems.put(entry + ".plan", "the benefits policy does not enrol this family member: choose " + NOT_ENROLLED);
            } else if (p == HealthPlan.HOST_NATIONAL && !hostPlan) {
                problems.put(entry + ".plan", "cannot be host-national: the benefits provider has no national plan in " + host
                        + "; choose international, home-continued or " + NOT_ENROLLED);
            }
        }
        long missing = expected.stream().filter(id -> !listed.contains(id)).count();
        if (missing > 0 && problems.keySet().stream().noneMatch(k -> k.startsWith(DEPENDANT_PLANS + "["))) {
            problems.put(DEPENDANT_PLANS, "choose a plan for each of the " + expected.size() + " family members moving with you: "
                    + missing + (missing == 1 ? " is" : " are") + " not listed");
        }
        return problems;
    }

    /** The form field of the dependants' plans, in the keys of {@link #enrolmentProblems}. */
    public static final String DEPENDANT_PLANS = "dependantPlans";

    private static Long travellerId(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue() == n.longValue() ? n.longValue() : null;
        }
        try {
            return value instanceof String s && !s.isBlank() ? Long.valueOf(s.trim()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The employee's choices: their plan and pension on the case, their plan on their enrolment, and each dependant's
     * plan on the dependant's enrolment as chosen in {@code dependantPlans} (checked by {@link #enrolmentProblems};
     * {@value #NOT_ENROLLED}: not enrolled); null: each dependant keeps the plan the policy proposed.
     */
    @Transactional
    public BenefitsEnrolment enrolled(Long caseId, HealthPlan plan, PensionContinuation pension, List<DependantChoice> dependantPlans, String actor) {
        BenefitsEnrolment enrolment = enrolments.findByCaseId(caseId).orElseGet(() -> new BenefitsEnrolment(caseId));
        enrolment.confirm(plan, pension, actor == null ? "unknown" : actor, clock.instant());
        Map<Long, Relationship> relationships = new HashMap<>();
        cases.get(caseId).getTravellers().forEach(t -> relationships.put(t.getId(), t.getRelationship()));
        Map<Long, HealthPlan> chosen = new HashMap<>();
        if (dependantPlans != null) {
            dependantPlans.forEach(d -> chosen.put(travellerId(d.travellerId()), HealthPlan.of(d.plan())));
        }
        for (TravellerEnrolment e : travellerEnrolments.findByCaseIdOrderById(caseId)) {
            if (relationships.get(e.getTravellerId()) == Relationship.EMPLOYEE) {
                e.chosen(plan);
            } else if (e.getStatus() != TravellerEnrolment.Status.NOT_ENROLLED) {
                e.chosen(dependantPlans == null ? e.getPlan() : chosen.get(e.getTravellerId()));
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
