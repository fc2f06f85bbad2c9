package org.relocation.policyexception;

import org.relocation.audit.DecisionKind;
import org.relocation.audit.DecisionLog;
import org.relocation.fx.ExchangeRateService;
import org.relocation.fx.MissingExchangeRateException;
import org.relocation.relocationcase.CaseScope;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.CaseStatus;
import org.relocation.relocationcase.RelocationCase;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.money.CurrencyUnit;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The policy-exception register: a specialist or manager asks for a departure from policy on a case during intake;
 * the HR lead approves or rejects each one in the approval phase; approved exceptions are added to the estimate.
 * During the assignment, an expense claim outside the policy asks for one too ({@link #requestDuringAssignment}), which
 * the HR lead decides in the claim's own approval process.
 * Every request and decision goes to the case's decision log. Searchable, with per-category figures for reporting.
 */
@Service
public class PolicyExceptionService {

    public static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000");
    private static final Pattern CLAUSE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 .\\-/§()]{0,39}$");
    /** The phase in which exceptions may be asked: the approval routing then sends them to the HR lead. */
    private static final String INTAKE_PHASE = "intake";

    private final PolicyExceptionRepository exceptions;
    private final CaseService cases;
    private final ExchangeRateService rates;
    private final DecisionLog log;
    private final Clock clock;

    PolicyExceptionService(PolicyExceptionRepository exceptions, CaseService cases, ExchangeRateService rates, DecisionLog log, Clock clock) {
        this.exceptions = exceptions;
        this.cases = cases;
        this.rates = rates;
        this.log = log;
        this.clock = clock;
    }

    /** What a requester sends; validated field by field. */
    public record Request(String category, String amount, String currency, String policyClause, String justification) {
    }

    /**
     * Registers an exception request on a case in intake. Every bad field is reported at once and nothing is written.
     *
     * @throws InvalidPolicyExceptionException bad fields, or a case not in intake (field {@code caseId})
     */
    @Transactional
    public PolicyException request(Long caseId, Request r, String actor) {
        return register(caseId, r, actor, true);
    }

    /**
     * Registers an exception request on a case in progress or completed, after intake (an expense claim outside the policy: the
     * claim's approval process has the HR lead decide it). The same fields and checks as {@link #request}; the case
     * must be in progress or completed.
     *
     * @throws InvalidPolicyExceptionException bad fields, or a case not in progress (field {@code caseId})
     */
    @Transactional
    public PolicyException requestDuringAssignment(Long caseId, Request r, String actor) {
        return register(caseId, r, actor, false);
    }

    private PolicyException register(Long caseId, Request r, String actor, boolean intakeOnly) {
        RelocationCase c = cases.get(caseId);
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<ExceptionCategory> category = ExceptionCategory.fromCode(r.category());
        if (r.category() == null || r.category().isBlank()) {
            errors.put("category", "is required");
        } else if (category.isEmpty()) {
            errors.put("category", "must be one of " + ExceptionCategory.codes());
        }
        Optional<CurrencyUnit> currency = ExchangeRateService.currency(r.currency());
        if (currency.isEmpty()) {
            errors.put("currency", "must be an ISO 4217 currency code such as EUR");
        }
        BigDecimal amount = null;
        if (r.amount() == null || r.amount().isBlank()) {
            errors.put("amount", "is required");
        } else {
            try {
                amount = new BigDecimal(r.amount().trim());
                if (amount.signum() <= 0) {
                    errors.put("amount", "must be more than 0");
                } else if (amount.compareTo(MAX_AMOUNT) > 0) {
                    errors.put("amount", "must be at most " + MAX_AMOUNT.toPlainString());
                } else if (currency.isPresent() && amount.stripTrailingZeros().scale() > currency.get().getDefaultFractionDigits()) {
                    errors.put("amount", "has more decimals than " + r.currency() + " allows (" + currency.get().getDefaultFractionDigits() + ")");
                }
            } catch (NumberFormatException e) {
                errors.put("amount", "must be a number such as 2500.00");
            }
        }
        if (r.policyClause() == null || r.policyClause().isBlank()) {
            errors.put("policyClause", "is required: the clause of the policy this departs from, e.g. GM-4.2");
        } else if (!CLAUSE.matcher(r.policyClause().trim()).matches()) {
            errors.put("policyClause", "must be at most 40 letters, digits, spaces or . - / § ( )");
        }
        if (r.justification() == null || r.justification().isBlank()) {
            errors.put("justification", "is required: exceptions are asked in writing");
        } else if (r.justification().trim().length() < 10 || r.justification().length() > 2000) {
            errors.put("justification", "must be 10 to 2000 characters");
        }
        if (intakeOnly && (c.getStatus() != CaseStatus.IN_PROGRESS || cases.phases(caseId).stream()
                .noneMatch(p -> INTAKE_PHASE.equals(p.getPhase()) && p.getCompletedAt() == null))) {
            errors.put("caseId", "is not in intake: exceptions are asked during intake (an approver can send the case back for changes)");
        } else if (!intakeOnly && c.getStatus() != CaseStatus.IN_PROGRESS && c.getStatus() != CaseStatus.COMPLETED) {
            errors.put("caseId", "is neither in progress nor completed: exceptions for expenses are asked for a running or completed case");
        }
        BigDecimal reporting = null;
        if (errors.isEmpty()) {
            try {
                reporting = rates.convert(amount, r.currency(), rates.reportingCurrency(), today());
            } catch (MissingExchangeRateException e) {
                errors.put("currency", "has no exchange rate to " + rates.reportingCurrency().getCurrencyCode() + " in effect today: finance loads rates");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidPolicyExceptionException(errors);
        }
        PolicyException e = exceptions.save(new PolicyException(caseId, category.get(),
                org.relocation.relocationcase.Money.of(amount, r.currency()), reporting, r.policyClause().trim(),
                r.justification().trim(), c.getCostCentre(), actor, clock.instant()));
        log.append(caseId, DecisionKind.POLICY_EXCEPTION, "exception-" + e.getId(),
                "Policy exception " + e.getId() + " asked: " + e.getCategory() + " " + e.money() + " (clause " + e.getPolicyClause() + ")",
                details(e), actor);
        return e;
    }

    /** The HR lead's decision on a requested exception; written once. */
    @Transactional
    public PolicyException decide(Long exceptionId, boolean approved, String comment, String actor) {
        PolicyException e = get(exceptionId);
        if (e.getStatus() != PolicyException.Status.REQUESTED) {
            throw new IllegalStateException("Policy exception " + exceptionId + " was already decided (" + e.getStatus() + ")");
        }
        e.decide(approved, comment == null || comment.isBlank() ? null : comment.trim(), actor, clock.instant());
        log.append(e.getCaseId(), DecisionKind.POLICY_EXCEPTION, "exception-" + e.getId(),
                "Policy exception " + e.getId() + " " + e.getStatus().name().toLowerCase() + " by " + actor,
                details(e), actor);
        return e;
    }

    @Transactional(readOnly = true)
    public PolicyException get(Long exceptionId) {
        return exceptions.findById(exceptionId).orElseThrow(() -> new PolicyExceptionNotFoundException(exceptionId));
    }

    @Transactional(readOnly = true)
    public List<PolicyException> ofCase(Long caseId) {
        return exceptions.findByCaseIdOrderById(caseId);
    }

    @Transactional(readOnly = true)
    public List<PolicyException> requested(Long caseId) {
        return exceptions.findByCaseIdAndStatusOrderById(caseId, PolicyException.Status.REQUESTED);
    }

    @Transactional(readOnly = true)
    public List<PolicyException> approved(Long caseId) {
        return exceptions.findByCaseIdAndStatusOrderById(caseId, PolicyException.Status.APPROVED);
    }

    /**
     * Search by case, category, cost centre and status within [from, to] of the request date (UTC days), among the
     * exceptions of the cases the scope lets its reader see (the scope is applied in the query, so pages stay full).
     */
    @Transactional(readOnly = true)
    public List<PolicyException> search(Long caseId, String category, String costCentre, PolicyException.Status status,
                                        LocalDate from, LocalDate to, CaseScope scope, int page, int size) {
        return exceptions.search(caseId, category, costCentre, status, start(from), start(to.plusDays(1)), scope, PageRequest.of(page, size));
    }

    /**
     * Per category over [from, to]: requests, approvals, rejections and the approved amount in the reporting currency
     * (exceptions asked in the period), and the exception rate: the share of the cases opened in the period that asked
     * for an exception of the category (at most 1). Counted over the cases the scope lets its reader see, both the
     * exceptions and the cases opened: figures never include a case the reader may not read.
     */
    @Transactional(readOnly = true)
    public List<CategorySummary> summary(LocalDate from, LocalDate to, CaseScope scope) {
        Instant start = start(from);
        Instant end = start(to.plusDays(1));
        Set<Long> opened = cases.idsOpenedBetween(start, end, scope);
        long casesOpened = opened.size();
        Map<String, List<PolicyException>> byCategory = new TreeMap<>();
        for (PolicyException e : exceptions.requestedBetween(start, end, scope)) {
            byCategory.computeIfAbsent(e.getCategory(), k -> new java.util.ArrayList<>()).add(e);
        }
        return byCategory.entrySet().stream().map(en -> {
            List<PolicyException> list = en.getValue();
            Set<Long> casesAsking = new HashSet<>();
            long approved = 0;
            long rejected = 0;
            BigDecimal approvedAmount = BigDecimal.ZERO;
            for (PolicyException e : list) {
                casesAsking.add(e.getCaseId());
                if (e.getStatus() == PolicyException.Status.APPROVED) {
                    approved++;
                    approvedAmount = approvedAmount.add(e.getReportingAmount() == null ? BigDecimal.ZERO : e.getReportingAmount());
                } else if (e.getStatus() == PolicyException.Status.REJECTED) {
                    rejected++;
                }
            }
            // of the cases opened in the period, the share that asked for an exception of this category
            long openedAndAsking = casesAsking.stream().filter(opened::contains).count();
            BigDecimal rate = casesOpened == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(openedAndAsking).divide(BigDecimal.valueOf(casesOpened), 4, java.math.RoundingMode.HALF_EVEN);
            return new CategorySummary(en.getKey(), list.size(), approved, rejected, approvedAmount,
                    rates.reportingCurrency().getCurrencyCode(), rate, casesAsking.size(), casesOpened);
        }).sorted(Comparator.comparing(CategorySummary::category)).toList();
    }

    public record CategorySummary(String category, long requested, long approved, long rejected, BigDecimal approvedAmount,
                                  String reportingCurrency, BigDecimal exceptionRate, long casesAsking, long casesOpened) {
    }

    private static Map<String, Object> details(PolicyException e) {
        Map<String, Object> d = new HashMap<>();
        d.put("exceptionId", e.getId());
        d.put("category", e.getCategory());
        d.put("amount", e.money().amount().toPlainString());
        d.put("currency", e.money().currency().getCurrencyCode());
        d.put("reportingAmount", e.getReportingAmount() == null ? null : e.getReportingAmount().toPlainString());
        d.put("policyClause", e.getPolicyClause());
        d.put("status", e.getStatus().name());
        if (e.getDecidedBy() != null) {
            d.put("decidedBy", e.getDecidedBy());
            d.put("decisionComment", e.getDecisionComment());
        }
        return d;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
