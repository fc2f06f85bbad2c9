package org.relocation.approval.web;

import org.relocation.estimate.CostEstimate;
import org.relocation.estimate.CostEstimateLine;
import org.relocation.estimate.CostEstimator;
import org.relocation.policy.PolicyService;
import org.relocation.policyexception.PolicyException;
import org.relocation.policyexception.PolicyExceptionService;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.identity.CaseFields;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.relocation.approval.ApprovalService;
import org.relocation.relocationcase.Money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What an approver reads in the approval form, built from the case records each time the task opens and never stored
 * with the task: the move, the policy tier, the latest estimate line by line in the case and the reporting currency,
 * totals against the budget with the variance, what changed since the previous estimate version, the approvals already
 * given, why each approval is needed, and the policy exceptions asked (for the HR lead, the one to decide first).
 * A structure of pre-formatted strings (en-GB separators) that the forms' text and table components show.
 */
@Component
public class ApprovalBrief {

    /** The form context name the approval forms read ({@code brief.lines}, {@code {{brief.total}}}); reserved. */
    public static final String CONTEXT = "brief";

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("relocation-allowance", "Relocation allowance"), Map.entry("housing-allowance", "Housing allowance"),
            Map.entry("temporary-housing", "Temporary housing"), Map.entry("home-leave", "Home leave"),
            Map.entry("cost-of-living-allowance", "Cost-of-living allowance"), Map.entry("tax-gross-up", "Tax gross-up"),
            Map.entry("per-diem", "Per diem"), Map.entry("immigration-fees", "Immigration fees"),
            Map.entry("household-goods", "Household goods shipment"), Map.entry("destination-services", "Destination services"),
            Map.entry("SHORT_TERM", "Short-term assignment"), Map.entry("LONG_TERM", "Long-term assignment"),
            Map.entry("PERMANENT_TRANSFER", "Permanent transfer"), Map.entry("LOCAL_HIRE", "Local hire"),
            Map.entry("manager", "Line manager"), Map.entry("finance", "Finance"), Map.entry("hr-lead", "HR lead"),
            Map.entry("second-level", "Second-level approver"), Map.entry("approve", "approved"), Map.entry("reject", "rejected"),
            Map.entry("send-back", "sent back for changes"));
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.UK).withZone(ZoneOffset.UTC);
    private static final String WITHHELD = "withheld";

    private final CaseService cases;
    private final CostEstimator estimator;
    private final PolicyService policy;
    private final PolicyExceptionService exceptions;
    private final ApprovalService approvals;

    ApprovalBrief(CaseService cases, CostEstimator estimator, PolicyService policy, PolicyExceptionService exceptions,
                  ApprovalService approvals) {
        this.cases = cases;
        this.estimator = estimator;
        this.policy = policy;
        this.exceptions = exceptions;
        this.approvals = approvals;
    }

    /**
     * The brief of a case; {@code exceptionId} puts that policy exception first (the HR lead's task), {@code salary}
     * shows the estimate lines computed from the base salary (finance only; withheld otherwise).
     */
    @Transactional(readOnly = true)
    public Map<String, Object> brief(Long caseId, Long exceptionId, boolean salary) {
        RelocationCase c = cases.get(caseId);
        Map<String, Object> b = new LinkedHashMap<>();
        List<PolicyException> asked = exceptions.ofCase(caseId);
        if (exceptionId != null) {
            asked.stream().filter(e -> e.getId().equals(exceptionId)).findFirst().ifPresent(e -> b.put("exception",
                    "Exception to decide: #" + e.getId() + " " + label(e.getCategory()) + " " + format(e.money()) + " (clause "
                            + e.getPolicyClause() + ", asked by " + e.getRequestedBy() + "). Justification: " + e.getJustification()));
        }
        b.put("move", c.getCaseNumber() + ": " + label(c.getAssignmentType().name()) + ", " + c.getHomeCountry() + " → "
                + c.getHostCountry() + " " + c.getHostCity() + ", " + c.getStartDate() + " to "
                + (c.getEndDate() == null ? "open-ended" : c.getEndDate()) + ", " + c.durationMonths() + " month(s), "
                + c.getTravellers().size() + " traveller(s), cost centre " + c.getCostCentre());
        latest(caseId, PolicyService.PACKAGE).ifPresent(p -> b.put("policy", "Policy tier " + p.get("policyTier") + ", "
                + p.get("moveType") + ", core benefits " + p.get("coreBenefits")));
        List<CostEstimate> versions = estimator.versions(caseId);
        if (!versions.isEmpty()) {
            CostEstimate e = versions.get(versions.size() - 1);
            CostEstimate previous = versions.size() > 1 ? versions.get(versions.size() - 2) : null;
            estimate(b, c, e, previous, salary);
        }
        List<Map<String, Object>> given = new ArrayList<>();
        approvals.decisions(caseId).forEach(d -> given.add(row("step", label(d.getStep()), "decision", label(d.getDecision()),
                "by", d.getDecidedBy(), "at", d.getDecidedAt() == null ? "" : WHEN.format(d.getDecidedAt()))));
        b.put("approvals", given);
        List<Map<String, Object>> needed = new ArrayList<>();
        latestRows(caseId, PolicyService.APPROVAL_ROUTING).ifPresent(rows -> rows.forEach(r ->
                needed.add(row("approval", label(String.valueOf(r.get("approval"))), "reason", String.valueOf(r.get("reason"))))));
        b.put("needed", needed);
        b.put("exceptions", asked.stream().map(e -> row("number", "#" + e.getId(), "category", label(e.getCategory()),
                "amount", format(e.money()), "clause", e.getPolicyClause(), "status", e.getStatus().name().toLowerCase(Locale.ROOT))).toList());
        return b;
    }

    private static void estimate(Map<String, Object> b, RelocationCase c, CostEstimate e, CostEstimate previous, boolean salary) {
        b.put("estimate", "Estimate version " + e.getVersion() + " (" + e.getReason() + ", rates of " + e.getRatesOn() + ")");
        List<Map<String, Object>> lines = new ArrayList<>();
        for (CostEstimateLine l : e.getLines()) {
            boolean shown = salary || !CaseFields.SALARY_LINES.contains(l.getCategory());
            lines.add(row("label", label(l.getCategory()),
                    "caseAmount", shown ? format(l.money()) : WITHHELD,
                    "reportingAmount", shown && l.getReportingAmount() != null && e.reportingTotal() != null
                            ? format(new Money(l.getReportingAmount(), e.reportingTotal().currency())) : shown ? "" : WITHHELD,
                    "basis", shown ? l.getBasis() : "computed from the base salary; finance and HR see it"));
        }
        b.put("lines", lines);
        Money total = e.total();
        b.put("total", format(total) + (e.reportingTotal() == null ? "" : " (" + format(e.reportingTotal()) + ")"));
        Money budget = c.budget();
        b.put("budget", format(budget));
        if (budget.currency().equals(total.currency())) {
            BigDecimal variance = total.amount().subtract(budget.amount());
            String percent = budget.amount().signum() == 0 ? "" : " (" + percent(variance, budget.amount()) + ")";
            b.put("variance", variance.signum() > 0
                    ? format(new Money(variance, total.currency())) + percent + " over budget"
                    : format(new Money(variance.negate(), total.currency())) + percent + " within budget");
        } else {
            b.put("variance", "not computed: the budget is in " + budget.currency().getCurrencyCode() + ", the estimate in "
                    + total.currency().getCurrencyCode());
        }
        b.put("changes", previous == null ? List.of() : changes(previous, e, salary));
        b.put("changesSince", previous == null ? "First estimate: nothing to compare." : "Changes since version " + previous.getVersion()
                + " (" + previous.getReason() + ")");
    }

    /** Line by line, what the new version changed against the previous one (new, removed or different amounts). */
    static List<Map<String, Object>> changes(CostEstimate before, CostEstimate after, boolean salary) {
        Map<String, Money> old = new LinkedHashMap<>();
        before.getLines().forEach(l -> old.merge(l.getCategory(), l.money(), Money::plus));
        Map<String, Money> now = new LinkedHashMap<>();
        after.getLines().forEach(l -> now.merge(l.getCategory(), l.money(), Money::plus));
        List<Map<String, Object>> changes = new ArrayList<>();
        java.util.Set<String> categories = new java.util.LinkedHashSet<>(now.keySet());
        categories.addAll(old.keySet());
        for (String category : categories) {
            Money was = old.get(category);
            Money is = now.get(category);
            if (was != null && is != null && (!was.currency().equals(is.currency()) || was.amount().compareTo(is.amount()) == 0)) {
                continue;
            }
            boolean shown = salary || !CaseFields.SALARY_LINES.contains(category);
            changes.add(row("label", label(category),
                    "before", !shown ? WITHHELD : was == null ? "new line" : format(was),
                    "after", !shown ? WITHHELD : is == null ? "removed" : format(is),
                    "difference", !shown || was == null || is == null ? "" : signed(new Money(is.amount().subtract(was.amount()), is.currency()))));
        }
        return changes;
    }

    /** {@code EUR 12,345.00}: the currency code and the amount with en-GB separators and the currency's decimals. */
    public static String format(Money m) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.UK);
        int digits = Math.max(m.currency().getDefaultFractionDigits(), 0);
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return m.currency().getCurrencyCode() + " " + f.format(m.amount());
    }

    private static String signed(Money m) {
        return (m.amount().signum() > 0 ? "+" : m.amount().signum() < 0 ? "-" : "") + format(new Money(m.amount().abs(), m.currency()));
    }

    /** The share of the budget, one decimal: {@code 12.5%}. */
    static String percent(BigDecimal part, BigDecimal whole) {
        BigDecimal p = part.abs().multiply(BigDecimal.valueOf(100)).divide(whole, MathContext.DECIMAL64).setScale(1, RoundingMode.HALF_UP);
        return p.toPlainString() + "%";
    }

    static String label(String code) {
        if (code == null) {
            return "";
        }
        String known = LABELS.get(code);
        if (known != null) {
            return known;
        }
        String words = code.replace('-', ' ').replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1] == null ? "" : keysAndValues[i + 1]);
        }
        return row;
    }

    private Optional<Map<String, Object>> latest(Long caseId, String key) {
        return latestRows(caseId, key).filter(rows -> !rows.isEmpty()).map(rows -> rows.get(0));
    }

    private Optional<List<Map<String, Object>>> latestRows(Long caseId, String key) {
        return policy.latestOutputs(caseId, key);
    }
}
