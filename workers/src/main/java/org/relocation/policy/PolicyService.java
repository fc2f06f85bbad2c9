package org.relocation.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.Relationship;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.audit.DecisionKind;
import org.relocation.audit.DecisionLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies the relocation policy's decision tables to a case and keeps every evaluation on the case with its inputs,
 * outputs and the deployed decision version. A case keeps the version it was first evaluated with: a process owner's
 * new rates apply to new cases, while a running case re-evaluated (new dates, family or host city) keeps its rules.
 * Inputs are never personal: grade level, assignment type, duration, countries, city, family size, amounts in EUR.
 */
@Service
public class PolicyService {

    public static final String ELIGIBILITY = "relocation-eligibility";
    public static final String CITY_BAND = "relocation-city-band";
    public static final String PACKAGE = "relocation-package";
    public static final String ALLOWANCES = "relocation-allowances";
    public static final String APPROVAL_ROUTING = "relocation-approval-routing";
    /** How the case is paid during the assignment (payroll phase): compensation and tax approach, payroll delivery. */
    public static final String COMPENSATION = "relocation-compensation";
    /** Who decides an expense claim: the specialist, finance, or (outside the policy) the HR lead's exception first. */
    public static final String EXPENSE_ROUTING = "relocation-expense-routing";
    /** Benefits in the host country: host plan or international cover, dependants, pension and social-security continuity. */
    public static final String BENEFITS = "relocation-benefits-policy";
    /** The family's services at destination (hit policy COLLECT): one row per service, with its allowance and scope. */
    public static final String SERVICES = "relocation-services-policy";
    /** The ages (at the start date, inclusive) at which a child is of school age for the services policy. */
    public static final int SCHOOL_AGE_FROM = 4;
    public static final int SCHOOL_AGE_TO = 18;
    /**
     * What this service passes to each table and reads from it (hit policy, input expressions and outputs with their
     * DMN typeRefs): a deployed table must keep it. The deployment check and the model-contract test read it here.
     */
    public static final Map<String, DecisionContract> CONTRACT = Map.of(
            SERVICES, DecisionContract.of("COLLECT",
                    List.of("assignmentType:string", "policyTier:string", "international:boolean", "partner:boolean",
                            "schoolAgeChildren:integer", "familySize:integer", "languageDiffers:boolean", "hostLanguage:string"),
                    List.of("service:string", "scope:string", "quantity:integer", "unit:string", "language:string", "quote:boolean")),
            BENEFITS, DecisionContract.of("FIRST",
                    List.of("international:boolean", "homeCountry:string", "hostCountry:string", "countryPair:string",
                            "policyTier:string", "familySize:integer"),
                    List.of("hostPlan:string", "internationalCover:string", "socialSecurity:string", "dependantsEligible:boolean")),
            EXPENSE_ROUTING, DecisionContract.of("FIRST",
                    List.of("withinPolicy:boolean", "claimAmount:double"),
                    List.of("route:string", "reason:string")),
            ELIGIBILITY, DecisionContract.of("FIRST",
                    List.of("assignmentType:string", "gradeLevel:integer", "durationMonths:integer", "international:boolean"),
                    List.of("eligible:boolean", "reason:string", "policyClause:string")),
            CITY_BAND, DecisionContract.of("FIRST",
                    List.of("hostCountry:string", "hostCity:string"),
                    List.of("cityBand:string")),
            PACKAGE, DecisionContract.of("FIRST",
                    List.of("assignmentType:string", "gradeLevel:integer", "international:boolean", "familySize:integer"),
                    List.of("policyTier:string", "moveType:string", "coreBenefits:string", "flexPoints:integer")),
            ALLOWANCES, DecisionContract.of("FIRST",
                    List.of("assignmentType:string", "policyTier:string", "cityBand:string", "durationMonths:integer"),
                    List.of("colaPercent:double", "housingCapMonthly:double", "perDiemDaily:double", "homeLeaveTripsPerYear:integer",
                            "schoolingPerChildYearly:double", "destinationServices:double", "relocationAllowance:double",
                            "temporaryHousingNights:integer", "temporaryHousingNightlyRate:double",
                            "employeeChoosesHousingQuote:boolean")),
            APPROVAL_ROUTING, DecisionContract.of("COLLECT",
                    List.of("assignmentType:string", "estimateAmount:double", "budgetAmount:double", "exceptionCount:integer",
                            "exceptionAmount:double"),
                    List.of("approval:string", "reason:string")),
            COMPENSATION, DecisionContract.of("FIRST",
                    List.of("assignmentType:string", "policyTier:string", "international:boolean", "homeCountry:string",
                            "hostCountry:string"),
                    List.of("compensationApproach:string", "taxApproach:string", "payrollDelivery:string",
                            "hostSharePercent:integer", "shadowPayroll:boolean")));
    /** The currency of the amounts in the decision tables. */
    public static final String POLICY_CURRENCY = "EUR";

    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final PolicyRules rules;
    private final PolicyDecisionRepository decisions;
    private final CaseService cases;
    private final DecisionLog log;
    private final Clock clock;

    PolicyService(PolicyRules rules, PolicyDecisionRepository decisions, CaseService cases,
                  DecisionLog log, Clock clock) {
        this.rules = rules;
        this.decisions = decisions;
        this.cases = cases;
        this.log = log;
        this.clock = clock;
    }

    /** Eligibility, and for an eligible case its package and allowances; every evaluation recorded. */
    @Transactional
    public Eligibility apply(Long caseId) {
        return decide(cases.get(caseId), true).eligibility();
    }

    /**
     * What the latest tables decide for a draft (never saved, no case id): eligibility and, when eligible, the
     * allowances. Nothing is recorded on a case (options advice); the engine keeps its own history of the evaluations,
     * so this is not a read-only transaction (MySQL refuses writes in one).
     */
    @Transactional
    public Preview preview(RelocationCase draft) {
        return decide(draft, false);
    }

    /** What the tables decided for a draft; {@code allowances} null when not eligible. */
    public record Preview(Eligibility eligibility, Allowances allowances) {
    }

    private Preview decide(RelocationCase c, boolean record) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("assignmentType", c.getAssignmentType().name());
        in.put("gradeLevel", c.getGradeLevel());
        in.put("durationMonths", c.durationMonths());
        in.put("international", c.isInternational());
        Map<String, Object> e = single(evaluate(c, ELIGIBILITY, in, record));
        Eligibility eligibility = new Eligibility(Boolean.TRUE.equals(e.get("eligible")), text(e, "reason"), text(e, "policyClause"));
        if (!eligibility.eligible()) {
            return new Preview(eligibility, null);
        }
        Map<String, Object> band = single(evaluate(c, CITY_BAND, Map.of("hostCountry", c.getHostCountry(), "hostCity", c.getHostCity()), record));
        Map<String, Object> pkgIn = new LinkedHashMap<>();
        pkgIn.put("assignmentType", c.getAssignmentType().name());
        pkgIn.put("gradeLevel", c.getGradeLevel());
        pkgIn.put("international", c.isInternational());
        pkgIn.put("familySize", c.getTravellers().size());
        Map<String, Object> pkg = single(evaluate(c, PACKAGE, pkgIn, record));
        Map<String, Object> allowIn = new LinkedHashMap<>();
        allowIn.put("assignmentType", c.getAssignmentType().name());
        allowIn.put("policyTier", text(pkg, "policyTier"));
        allowIn.put("cityBand", text(band, "cityBand"));
        allowIn.put("durationMonths", c.durationMonths());
        Map<String, Object> allowances = single(evaluate(c, ALLOWANCES, allowIn, record));
        return new Preview(eligibility, allowances(band, pkg, allowances));
    }

    /**
     * Whether the case's employee, rather than its specialist, chooses among the temporary-housing quotes: the allowances
     * table's {@code employeeChoosesHousingQuote} of the case's latest evaluation (false when not decided or not said).
     */
    @Transactional(readOnly = true)
    public boolean employeeChoosesHousingQuote(Long caseId) {
        return latestOutputs(caseId, ALLOWANCES).filter(rows -> !rows.isEmpty())
                .map(rows -> Boolean.TRUE.equals(rows.get(0).get("employeeChoosesHousingQuote"))
                        || "true".equals(String.valueOf(rows.get(0).get("employeeChoosesHousingQuote"))))
                .orElse(false);
    }

    /** The package and allowances the case's latest evaluations decided. */
    @Transactional(readOnly = true)
    public Allowances allowances(Long caseId) {
        return allowances(latest(caseId, CITY_BAND), latest(caseId, PACKAGE), latest(caseId, ALLOWANCES));
    }

    private static Allowances allowances(Map<String, Object> band, Map<String, Object> pkg, Map<String, Object> a) {
        return new Allowances(text(pkg, "policyTier"), text(pkg, "moveType"), text(pkg, "coreBenefits"),
                number(pkg, "flexPoints").intValue(), text(band, "cityBand"),
                number(a, "colaPercent"), number(a, "housingCapMonthly"), number(a, "perDiemDaily"),
                number(a, "homeLeaveTripsPerYear").intValue(), number(a, "schoolingPerChildYearly"),
                number(a, "destinationServices"), number(a, "relocationAllowance"),
                number(a, "temporaryHousingNights").intValue(), number(a, "temporaryHousingNightlyRate"), POLICY_CURRENCY);
    }

    /**
     * Which approvals the case needs (manager, finance, hr-lead, second-level), from the routing table.
     * Amounts in {@value #POLICY_CURRENCY}.
     */
    @Transactional
    public Route route(Long caseId, BigDecimal estimateAmount, BigDecimal budgetAmount, int exceptionCount, BigDecimal exceptionAmount) {
        RelocationCase c = cases.get(caseId);
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("assignmentType", c.getAssignmentType().name());
        in.put("estimateAmount", estimateAmount);
        in.put("budgetAmount", budgetAmount);
        in.put("exceptionCount", exceptionCount);
        in.put("exceptionAmount", exceptionAmount);
        Map<String, List<String>> reasons = new LinkedHashMap<>();
        for (Map<String, Object> row : evaluate(c, APPROVAL_ROUTING, in, true).rows()) {
            reasons.computeIfAbsent(text(row, "approval"), k -> new ArrayList<>()).add(text(row, "reason"));
        }
        if (!reasons.containsKey(Route.MANAGER)) {
            throw new IllegalStateException("The approval routing table decided no manager approval for case " + c.getCaseNumber()
                    + ": every case needs one (check " + APPROVAL_ROUTING + ")");
        }
        return new Route(reasons);
    }

    /**
     * The case's compensation approach (table {@value #COMPENSATION}), evaluated with the version the case first used and
     * recorded as a policy decision of the case (and in its decision log). Inputs: assignment type, the policy tier the
     * case's package decision gave, whether the move is international, home and host country; nothing personal.
     */
    @Transactional
    public Compensation compensation(Long caseId) {
        RelocationCase c = cases.get(caseId);
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("assignmentType", c.getAssignmentType().name());
        in.put("policyTier", latestOutputs(caseId, PACKAGE).filter(rows -> !rows.isEmpty()).map(rows -> text(rows.get(0), "policyTier"))
                .orElse(null));
        in.put("international", c.isInternational());
        in.put("homeCountry", c.getHomeCountry());
        in.put("hostCountry", c.getHostCountry());
        Map<String, Object> row = single(evaluate(c, COMPENSATION, in, true));
        return new Compensation(text(row, "compensationApproach"), text(row, "taxApproach"), text(row, "payrollDelivery"),
                number(row, "hostSharePercent").intValue(), Boolean.TRUE.equals(row.get("shadowPayroll")));
    }

    /**
     * The case's benefits (table {@value #BENEFITS}), evaluated with the version the case first used and recorded as a
     * policy decision of the case (and in its decision log). Inputs: whether the move is international, home and host
     * country and their pair (HOME-HOST), the policy tier of the case's package decision and the family size; nothing
     * personal.
     */
    @Transactional
    public Benefits benefits(Long caseId) {
        RelocationCase c = cases.get(caseId);
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("international", c.isInternational());
        in.put("homeCountry", c.getHomeCountry());
        in.put("hostCountry", c.getHostCountry());
        in.put("countryPair", c.getHomeCountry() + "-" + c.getHostCountry());
        in.put("policyTier", latestOutputs(caseId, PACKAGE).filter(rows -> !rows.isEmpty()).map(rows -> text(rows.get(0), "policyTier"))
                .orElse(null));
        in.put("familySize", c.getTravellers().size());
        Map<String, Object> row = single(evaluate(c, BENEFITS, in, true));
        return new Benefits("host-statutory".equals(text(row, "hostPlan")), text(row, "internationalCover"), text(row, "socialSecurity"),
                Boolean.TRUE.equals(row.get("dependantsEligible")));
    }

    /**
     * The family's services at destination (table {@value #SERVICES}), evaluated with the version the case first used and
     * recorded as a policy decision of the case (and in its decision log). Inputs: assignment type, the policy tier of
     * the case's package decision, whether the move is international, whether a partner moves, how many children are of
     * school age ({@value #SCHOOL_AGE_FROM} to {@value #SCHOOL_AGE_TO} at the start date), the family size, and the host
     * country's language and whether it differs from the home country's; counts and codes, nothing personal.
     */
    @Transactional
    public List<ServiceAllowance> services(Long caseId) {
        RelocationCase c = cases.get(caseId);
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("assignmentType", c.getAssignmentType().name());
        in.put("policyTier", latestOutputs(caseId, PACKAGE).filter(rows -> !rows.isEmpty()).map(rows -> text(rows.get(0), "policyTier"))
                .orElse(null));
        in.put("international", c.isInternational());
        in.put("partner", c.getTravellers().stream().anyMatch(t -> t.getRelationship() == Relationship.PARTNER));
        in.put("schoolAgeChildren", (int) c.getTravellers().stream().filter(t -> ofSchoolAge(t, c.getStartDate())).count());
        in.put("familySize", c.getTravellers().size());
        String hostLanguage = Languages.of(c.getHostCountry());
        in.put("languageDiffers", !hostLanguage.equals(Languages.of(c.getHomeCountry())));
        in.put("hostLanguage", hostLanguage);
        return evaluate(c, SERVICES, in, true).rows().stream().map(PolicyService::serviceAllowance).toList();
    }

    /** The services the case's latest services decision gave; empty when it was never evaluated for the case. */
    @Transactional(readOnly = true)
    public java.util.Optional<List<ServiceAllowance>> latestServices(Long caseId) {
        return latestOutputs(caseId, SERVICES).map(rows -> rows.stream().map(PolicyService::serviceAllowance).toList());
    }

    private static ServiceAllowance serviceAllowance(Map<String, Object> row) {
        return new ServiceAllowance(text(row, "service"), text(row, "scope"), number(row, "quantity").intValue(), text(row, "unit"),
                text(row, "language"), "true".equals(text(row, "quote")));
    }

    /** Whether a traveller is a child of school age at the given date (the start date). */
    public static boolean ofSchoolAge(org.relocation.relocationcase.Traveller t, java.time.LocalDate on) {
        if (t.getRelationship() != Relationship.CHILD || t.getBirthDate() == null || on == null) {
            return false;
        }
        int age = java.time.Period.between(t.getBirthDate(), on).getYears();
        return age >= SCHOOL_AGE_FROM && age <= SCHOOL_AGE_TO;
    }

    /**
     * One service the services table gave: its code ({@code home-search}), for whom it is ordered ({@code case},
     * {@code family}, {@code partner}: each partner, {@code school-age-child}: each child of school age), the allowance in
     * its unit ({@code m3}, {@code days}, {@code search}, {@code items}, {@code hours}, {@code persons}) and a language
     * (ISO 639-1; null where none applies), and whether its vendors quote first ({@code quote}: where two or more active
     * vendors cover the host city, up to three are asked and the specialist chooses; a decision recorded before the
     * table had the column reads as false).
     */
    public record ServiceAllowance(String service, String scope, int quantity, String unit, String language, boolean quote) {
    }

    /**
     * What the benefits table decided: whether the benefits provider has a host statutory plan for the case, the
     * international medical cover where it has none ({@code none}, {@code standard}, {@code premium}), the social-security
     * continuity ({@code DOMESTIC}, {@code A1}, {@code CERTIFICATE_OF_COVERAGE}, {@code HOST_CONTRIBUTIONS}) and whether the
     * dependants are enrolled with the employee.
     */
    public record Benefits(boolean hostPlan, String internationalCover, String socialSecurity, boolean dependantsEligible) {
    }

    /**
     * Who decides an expense claim (table {@value #EXPENSE_ROUTING}), evaluated with the version the case first used
     * and recorded as a policy decision of the case (and in its decision log). Inputs: whether what is left of the
     * category's cap covers the claim, and the claim's amount in {@value #POLICY_CURRENCY}; nothing personal.
     *
     * @return {@code route} ({@link ExpenseRoute}) and the rule's reason
     */
    @Transactional
    public ExpenseRouting expenseRoute(Long caseId, boolean withinPolicy, BigDecimal claimAmount) {
        RelocationCase c = cases.get(caseId);
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("withinPolicy", withinPolicy);
        in.put("claimAmount", claimAmount);
        Map<String, Object> row = single(evaluate(c, EXPENSE_ROUTING, in, true));
        String route = text(row, "route");
        try {
            return new ExpenseRouting(ExpenseRoute.valueOf(String.valueOf(route)), text(row, "reason"));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The expense routing table decided an unknown route " + route + " (check " + EXPENSE_ROUTING + ")");
        }
    }

    /** Who decides an expense claim. */
    public enum ExpenseRoute { SPECIALIST, FINANCE, EXCEPTION }

    /** What the expense routing table decided, with its rule's reason. */
    public record ExpenseRouting(ExpenseRoute route, String reason) {
    }

    /**
     * What the compensation table decided: {@code compensationApproach} (HOME_BASED, HOST_BASED, HYBRID),
     * {@code taxApproach} (EQUALISATION, PROTECTION, LAISSEZ_FAIRE), {@code payrollDelivery} (HOME, HOST, SPLIT), the host
     * payroll's share of the base salary in per cent and whether the host country runs a shadow payroll.
     */
    public record Compensation(String compensationApproach, String taxApproach, String payrollDelivery, int hostSharePercent,
                               boolean shadowPayroll) {
    }

    @Transactional(readOnly = true)
    public List<PolicyDecision> decisions(Long caseId) {
        return decisions.findByCaseIdOrderById(caseId);
    }

    private PolicyRules.Evaluation evaluate(RelocationCase c, String key, Map<String, Object> inputs, boolean record) {
        String pinned = c.getId() == null ? null
                : decisions.findFirstByCaseIdAndDecisionKeyOrderByIdAsc(c.getId(), key).map(PolicyDecision::getDefinitionId).orElse(null);
        PolicyRules.Evaluation evaluation = rules.evaluate(key, pinned, inputs);
        if (!record) {
            return evaluation;
        }
        decisions.save(new PolicyDecision(c.getId(), key, evaluation, json(inputs), json(evaluation.rows()), clock.instant()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("decisionDefinitionId", evaluation.definitionId());
        details.put("version", evaluation.version());
        details.put("inputs", inputs);
        details.put("outputs", evaluation.rows());
        log.append(c.getId(), DecisionKind.RULE_DECISION, key, evaluation.decisionName() + " (version " + evaluation.version() + "): "
                + summary(evaluation.rows()), details, DecisionLog.SYSTEM);
        return evaluation;
    }

    private Map<String, Object> latest(Long caseId, String key) {
        List<Map<String, Object>> rows = latestOutputs(caseId, key)
                .orElseThrow(() -> new IllegalStateException("Case " + caseId + " has no " + key + " decision yet"));
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    /** The rows the case's latest evaluation of a table answered; empty when it was never evaluated for the case. */
    @Transactional(readOnly = true)
    public java.util.Optional<List<Map<String, Object>>> latestOutputs(Long caseId, String key) {
        return decisions.findFirstByCaseIdAndDecisionKeyOrderByIdDesc(caseId, key).map(d -> {
            try {
                return JSON.readValue(d.getOutputs(), new TypeReference<List<Map<String, Object>>>() { });
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Unreadable outputs of policy decision " + d.getId(), e);
            }
        });
    }

    private static String summary(List<Map<String, Object>> rows) {
        String s = rows.stream().map(Object::toString).collect(java.util.stream.Collectors.joining("; "));
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }

    private static Map<String, Object> single(PolicyRules.Evaluation e) {
        if (e.rows().size() != 1) {
            throw new IllegalStateException("Decision " + e.definitionId() + " answered " + e.rows().size()
                    + " rows where one is expected (a catch-all rule must exist)");
        }
        return e.rows().get(0);
    }

    private static String text(Map<String, Object> row, String name) {
        Object v = row.get(name);
        return v == null ? null : v.toString();
    }

    private static BigDecimal number(Map<String, Object> row, String name) {
        Object v = row.get(name);
        if (v == null) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(v.toString());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Output " + name + " of a policy decision is not a number: " + v);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write policy decision data as JSON", e);
        }
    }

    /** What the eligibility table decided. */
    public record Eligibility(boolean eligible, String reason, String policyClause) {
    }

    /** The package and allowance rates of a case, amounts in {@code currency} (the policy currency). */
    public record Allowances(String policyTier, String moveType, String coreBenefits, int flexPoints, String cityBand,
                             BigDecimal colaPercent, BigDecimal housingCapMonthly, BigDecimal perDiemDaily,
                             int homeLeaveTripsPerYear, BigDecimal schoolingPerChildYearly, BigDecimal destinationServices,
                             BigDecimal relocationAllowance, int temporaryHousingNights, BigDecimal temporaryHousingNightlyRate,
                             String currency) {

        /** Children among the travellers, for schooling. */
        public static long children(RelocationCase c) {
            return c.getTravellers().stream().filter(t -> t.getRelationship() == Relationship.CHILD).count();
        }
    }

    /** The approvals a case needs, each with the reasons the routing table gave. */
    public record Route(Map<String, List<String>> reasons) {

        public static final String MANAGER = "manager";
        public static final String FINANCE = "finance";
        public static final String HR_LEAD = "hr-lead";
        public static final String SECOND_LEVEL = "second-level";

        public Route {
            reasons = Map.copyOf(reasons);
        }

        public boolean needs(String approval) {
            return reasons.containsKey(approval);
        }

        public Set<String> approvals() {
            return new LinkedHashSet<>(reasons.keySet());
        }
    }
}
