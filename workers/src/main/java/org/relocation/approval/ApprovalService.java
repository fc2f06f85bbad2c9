package org.relocation.approval;

import org.relocation.audit.DecisionKind;
import org.relocation.audit.DecisionLog;
import org.relocation.estimate.CostEstimate;
import org.relocation.estimate.CostEstimator;
import org.relocation.fx.ExchangeRateService;
import org.relocation.notification.NotificationService;
import org.relocation.policy.PolicyService;
import org.relocation.policyexception.PolicyException;
import org.relocation.policyexception.PolicyExceptionService;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The approval phase: which approvals a case needs (the routing decision table on the estimate, budget and exceptions
 * asked), the record of every decision, reminders and escalations of overdue approvals, and the approval itself, which
 * commits the estimate. Everything goes to the case's decision log.
 */
@Service
public class ApprovalService {

    private final ApprovalDecisionRepository decisions;
    private final CaseService cases;
    private final CostEstimator estimator;
    private final PolicyService policy;
    private final PolicyExceptionService exceptions;
    private final ExchangeRateService rates;
    private final NotificationService notifications;
    private final DecisionLog log;
    private final Clock clock;

    ApprovalService(ApprovalDecisionRepository decisions, CaseService cases, CostEstimator estimator, PolicyService policy,
                    PolicyExceptionService exceptions, ExchangeRateService rates, NotificationService notifications,
                    DecisionLog log, Clock clock) {
        this.decisions = decisions;
        this.cases = cases;
        this.estimator = estimator;
        this.policy = policy;
        this.exceptions = exceptions;
        this.rates = rates;
        this.notifications = notifications;
        this.log = log;
        this.clock = clock;
    }

    /** The route of one approval round and the exceptions the HR lead decides in it. */
    public record Routing(PolicyService.Route route, List<Long> exceptionIds) {
    }

    /**
     * Decides the approvals the case needs now: the routing table gets the latest estimate plus the exceptions still
     * asked (what the move costs if they are approved), the budget, and the number and amount of those exceptions, all
     * in the reporting currency.
     */
    @Transactional
    public Routing route(Long caseId) {
        RelocationCase c = cases.get(caseId);
        CostEstimate estimate = estimator.latest(caseId)
                .orElseThrow(() -> new IllegalStateException("Case " + c.getCaseNumber() + " has no estimate to route"));
        LocalDate on = LocalDate.now(clock);
        BigDecimal estimateReporting = estimate.reportingTotal() != null ? estimate.reportingTotal().amount()
                : reporting(estimate.total(), on);
        BigDecimal budgetReporting = reporting(c.budget(), on);
        List<PolicyException> asked = exceptions.requested(caseId);
        BigDecimal exceptionAmount = asked.stream().map(e -> e.getReportingAmount() == null ? BigDecimal.ZERO : e.getReportingAmount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        // the move as asked: the estimate and the exceptions on top of it (an approved exception joins the estimate)
        PolicyService.Route route = policy.route(caseId, estimateReporting.add(exceptionAmount), budgetReporting, asked.size(), exceptionAmount);
        if (!asked.isEmpty() && !route.needs(PolicyService.Route.HR_LEAD)) {
            throw new IllegalStateException("The approval routing table decided no HR lead approval for case " + c.getCaseNumber()
                    + " although " + asked.size() + " policy exception(s) are asked: each must be decided (check "
                    + PolicyService.APPROVAL_ROUTING + ")");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("approvals", route.approvals());
        details.put("reasons", route.reasons());
        details.put("estimateVersion", estimate.getVersion());
        details.put("exceptionIds", asked.stream().map(PolicyException::getId).toList());
        log.append(caseId, DecisionKind.ROUTING, "approval-route",
                "Approvals needed: " + String.join(", ", route.approvals()), details, DecisionLog.SYSTEM);
        return new Routing(route, asked.stream().map(PolicyException::getId).toList());
    }

    /** An approver's decision from the approval form (approve, reject or send-back). */
    @Transactional
    public void record(Long caseId, String step, String decision, String comment, String decidedBy) {
        String trimmed = comment == null || comment.isBlank() ? null : comment.substring(0, Math.min(comment.length(), 2000));
        String actor = decidedBy == null ? "unknown" : decidedBy;
        decisions.save(new ApprovalDecision(caseId, step, decision, trimmed, actor, clock.instant()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("step", step);
        details.put("decision", decision);
        details.put("comment", trimmed);
        estimator.latest(caseId).ifPresent(e -> details.put("estimateVersion", e.getVersion()));
        log.append(caseId, DecisionKind.APPROVAL, step, "The " + step + " approver decided: " + decision, details, actor);
    }

    /** An approval is due soon: its approvers are reminded. */
    @Transactional
    public void remind(Long caseId, ApprovalStep step) {
        RelocationCase c = cases.get(caseId);
        notifications.notifyRoles(c, "approval-reminder:" + step.taskKey() + ":" + round(caseId),
                "Reminder: " + step.label() + " of case " + c.getCaseNumber() + " is due",
                "Case " + c.getCaseNumber() + " waits for " + step.label() + " in the Tasklist.", List.of(step.approverGroup()));
    }

    /** An approval is overdue: approvers and HR administration (who can reassign it) are told, and it is logged. */
    @Transactional
    public void escalate(Long caseId, ApprovalStep step) {
        RelocationCase c = cases.get(caseId);
        notifications.notifyRoles(c, "approval-escalation:" + step.taskKey() + ":" + round(caseId),
                "Overdue: " + step.label() + " of case " + c.getCaseNumber(),
                "Case " + c.getCaseNumber() + " has waited longer than its approval time for " + step.label()
                        + ". Decide it in the Tasklist, or reassign the task if the approver is absent.", step.escalateTo());
        log.append(caseId, DecisionKind.APPROVAL, step.taskKey(), "Escalated: " + step.label() + " is overdue",
                Map.of("step", step.taskKey(), "escalatedTo", step.escalateTo()), DecisionLog.SYSTEM);
    }

    /** Every approval the route needed was given: the latest estimate is committed. */
    @Transactional
    public CostEstimate grant(Long caseId) {
        CostEstimate e = estimator.approveLatest(caseId);
        log.append(caseId, DecisionKind.APPROVAL, "approval-granted",
                "Relocation approved; estimate version " + e.getVersion() + " committed (" + e.total() + ")",
                Map.of("estimateVersion", e.getVersion(), "total", e.total().toString()), DecisionLog.SYSTEM);
        return e;
    }

    @Transactional(readOnly = true)
    public List<ApprovalDecision> decisions(Long caseId) {
        return decisions.findByCaseIdOrderById(caseId);
    }

    /** The approval round: one more with each estimate version (a send-back and revision makes a new one). */
    private int round(Long caseId) {
        return estimator.latest(caseId).map(CostEstimate::getVersion).orElse(0);
    }

    private BigDecimal reporting(org.relocation.relocationcase.Money money, LocalDate on) {
        return rates.convert(money.amount(), money.currency().getCurrencyCode(), rates.reportingCurrency(), on);
    }

    static String ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
