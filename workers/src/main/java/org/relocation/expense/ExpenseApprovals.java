package org.relocation.expense;

import org.relocation.estimate.EstimateProperties;
import org.relocation.fx.ExchangeRateService;
import org.relocation.fx.MissingExchangeRateException;
import org.relocation.ledger.InvalidPaymentException;
import org.relocation.ledger.MobilityPayment;
import org.relocation.ledger.PaymentCategory;
import org.relocation.ledger.PaymentLedger;
import org.relocation.ledger.PaymentRefusedException;
import org.relocation.ledger.PaymentRoute;
import org.relocation.platform.form.DecisionForm;
import org.relocation.policyexception.PolicyException;
import org.relocation.policyexception.PolicyExceptionService;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.Money;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.relocationcase.TimelineEntry;
import org.relocation.tax.GrossUp;
import org.relocation.tax.GrossUpNotConvergedException;
import org.relocation.tax.MissingTaxTableException;
import org.relocation.tax.TaxCalculationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;

import javax.money.CurrencyUnit;
import javax.money.Monetary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * The decisions on an expense claim, taken in its approval process ({@value ExpenseClaimProcess#PROCESS_KEY}):
 * <ul>
 *   <li>the HR lead decides the policy exception a claim outside the policy asked for (approved: finance decides the
 *   claim next; rejected: the claim is rejected with the HR lead's reason);</li>
 *   <li>the specialist or finance approves or rejects the claim. Approved: a ledger {@code REIMBURSEMENT} of the claim
 *   (recorded by its submitter, approved by the approver; route PAYROLL when the category is taxable, else ACCOUNTS_PAYABLE,
 *   lifted by the claim's approved exception), and for a taxable claim its gross-up with the host country's tax table
 *   (the tax on it an approved ledger {@code tax} payment through payroll). Rejected: with the reason.</li>
 * </ul>
 * Whoever submitted the claim, and the case's employee, may decide neither (segregation of duties).
 */
public class ExpenseApprovals {

    private static final Logger log = LoggerFactory.getLogger(ExpenseApprovals.class);

    private final ExpenseClaimRepository claims;
    private final CaseService cases;
    private final PaymentLedger ledger;
    private final PolicyExceptionService exceptions;
    private final TaxCalculationService tax;
    private final EstimateProperties estimate;
    private final ExchangeRateService rates;
    private final Clock clock;

    ExpenseApprovals(ExpenseClaimRepository claims, CaseService cases, PaymentLedger ledger, PolicyExceptionService exceptions,
                     TaxCalculationService tax, EstimateProperties estimate, ExchangeRateService rates, Clock clock) {
        this.claims = claims;
        this.cases = cases;
        this.ledger = ledger;
        this.exceptions = exceptions;
        this.tax = tax;
        this.estimate = estimate;
        this.rates = rates;
        this.clock = clock;
    }

    /** Whether a claim of the category is taxable income: its estimate line is one the estimate treats as taxable. */
    public boolean taxable(PaymentCategory category) {
        return category.estimateLine() != null && estimate.getTaxableCategories().contains(category.estimateLine());
    }

    /** Why the actor may not approve or reject the claim now (a sentence without amounts), or null. */
    @Transactional(readOnly = true)
    public String decisionProblem(Long caseId, Long claimId, boolean approve, String comment, String actor) {
        Optional<ExpenseClaim> claim = find(caseId, claimId);
        if (claim.isEmpty()) {
            return "this task names no expense claim of the case";
        }
        String problem = dutyProblem(claim.get(), actor);
        if (problem != null) {
            return problem;
        }
        if (claim.get().getPolicyExceptionId() != null && exceptions.get(claim.get().getPolicyExceptionId()).getStatus() != PolicyException.Status.APPROVED) {
            return "policy exception " + claim.get().getPolicyExceptionId() + " of this claim is not approved";
        }
        if (!approve && (comment == null || comment.isBlank())) {
            return "a rejection needs the reason in the comment";
        }
        return null;
    }

    /** Why the actor may not decide the claim's policy exception now, or null. */
    @Transactional(readOnly = true)
    public String exceptionProblem(Long caseId, Long claimId, boolean approve, String comment, String actor) {
        Optional<ExpenseClaim> claim = find(caseId, claimId);
        if (claim.isEmpty() || claim.get().getPolicyExceptionId() == null) {
            return "this task names no expense claim of the case with a policy exception";
        }
        String problem = dutyProblem(claim.get(), actor);
        if (problem != null) {
            return problem;
        }
        PolicyException e = exceptions.get(claim.get().getPolicyExceptionId());
        if (e.getStatus() != PolicyException.Status.REQUESTED) {
            return "policy exception " + e.getId() + " is " + e.getStatus() + " already";
        }
        if (!approve && (comment == null || comment.isBlank())) {
            return "a rejection needs the reason in the comment";
        }
        return null;
    }

    /**
     * The HR lead decides the claim's policy exception in the register; rejected, the claim is rejected with the reason.
     *
     * @throws ExpenseClaimRefusedException {@link #exceptionProblem} says why
     */
    @Transactional
    public ExpenseClaim decideException(Long caseId, Long claimId, boolean approve, String comment, String actor) {
        String problem = exceptionProblem(caseId, claimId, approve, comment, actor);
        if (problem != null) {
            throw new ExpenseClaimRefusedException(DecisionForm.sentence(problem));
        }
        ExpenseClaim claim = find(caseId, claimId).orElseThrow();
        PolicyException e = exceptions.decide(claim.getPolicyExceptionId(), approve, comment, actor);
        if (!approve) {
            claim.reject("Policy exception " + e.getId() + " rejected: " + comment.strip(), actor, clock.instant());
            cases.recordStep(caseId, TimelineEntry.Kind.STEP_COMPLETED, "expense-claim-rejected",
                    "Expense claim " + claimId + " rejected: its policy exception was rejected", null, actor);
        }
        log.info("Case {}: policy exception {} of expense claim {} {} by {}", caseId, e.getId(), claimId, approve ? "approved" : "rejected", actor);
        return claim;
    }

    /**
     * Approves or rejects the claim. Approved: the ledger's reimbursement and, taxable, the gross-up, as the class says.
     *
     * @throws ExpenseClaimRefusedException {@link #decisionProblem} says why, or the ledger refuses the payment (policy
     *                                      cap, budget, lump sum) with its sentence: reject the claim with the reason instead
     */
    @Transactional
    public ExpenseClaim decide(Long caseId, Long claimId, boolean approve, String comment, String actor) {
        String problem = decisionProblem(caseId, claimId, approve, comment, actor);
        if (problem != null) {
            throw new ExpenseClaimRefusedException(DecisionForm.sentence(problem));
        }
        ExpenseClaim claim = find(caseId, claimId).orElseThrow();
        if (!approve) {
            claim.reject(comment, actor, clock.instant());
            cases.recordStep(caseId, TimelineEntry.Kind.STEP_COMPLETED, "expense-claim-rejected", "Expense claim " + claimId + " rejected", null, actor);
            return claim;
        }
        PaymentCategory category = PaymentCategory.fromCode(claim.getCategory()).orElseThrow();
        boolean taxable = taxable(category);
        RelocationCase c = cases.get(caseId);
        try {
            MobilityPayment p = ledger.recordReimbursement(caseId, new PaymentLedger.Reimbursement("expense-claim-" + claimId, category.code(),
                    claim.getAmount(), claim.getCurrency(), claim.getExpenseDate(), taxable, "Expense claim " + claimId + " (" + category.code() + ")",
                    claim.getPolicyExceptionId()), claim.getSubmittedBy());
            Long paymentId = ledger.approve(p.getId(), actor).getId();
            ExpenseClaim.GrossUpResult grossUp = taxable ? grossUp(c, claim, actor) : null;
            claim.approve(taxable, paymentId, grossUp, comment, actor, clock.instant());
        } catch (PaymentRefusedException e) {
            throw new ExpenseClaimRefusedException("The payments ledger refuses the claim's payment: " + e.getMessage()
                    + " Reject the claim with the reason instead.");
        } catch (InvalidPaymentException e) {
            throw new ExpenseClaimRefusedException("The payments ledger refuses the claim's payment (" + e.getFieldErrors().keySet()
                    + "): load the exchange rate it needs, or reject the claim with the reason");
        }
        cases.recordStep(caseId, TimelineEntry.Kind.STEP_COMPLETED, "expense-claim-approved", "Expense claim " + claimId + " approved"
                + (taxable ? " (taxable, through payroll)" : ""), null, actor);
        log.info("Case {}: expense claim {} approved by {}, ledger payment {}", caseId, claimId, actor, claim.getPaymentId());
        return claim;
    }

    /**
     * The gross-up of a taxable claim: {@link TaxCalculationService#grossUp} with the host country's table in effect on
     * the expense date, the case's annual base salary as the base income and the claim as the net allowance, both in the
     * table's currency at the expense date's rate. The tax on it is an approved ledger {@code tax} payment through
     * payroll (recorded by the claim's submitter, approved by the approver). Without a table or rate: no gross-up, a note.
     */
    private ExpenseClaim.GrossUpResult grossUp(RelocationCase c, ExpenseClaim claim, String actor) {
        String country = c.getHostCountry();
        LocalDate on = claim.getExpenseDate();
        CurrencyUnit currency;
        try {
            currency = Monetary.getCurrency(new Locale("", country));
        } catch (RuntimeException e) {
            return noGrossUp(country + " has no currency of its own");
        }
        try {
            Money salary = c.baseSalary();
            BigDecimal base = to(salary.amount(), salary.currency().getCurrencyCode(), currency, on);
            BigDecimal net = to(claim.getAmount(), claim.getCurrency(), currency, on);
            GrossUp g = tax.grossUp(country, TaxCalculationService.money(base, currency), TaxCalculationService.money(net, currency), on);
            int digits = currency.getDefaultFractionDigits();
            BigDecimal taxOn = g.taxOnAllowance().setScale(digits, RoundingMode.HALF_EVEN);
            BigDecimal gross = net.add(taxOn);
            Long taxPayment = null;
            if (taxOn.signum() > 0) {
                MobilityPayment t = ledger.recordOneOff(c.getId(), new PaymentLedger.OneOff(PaymentCategory.TAX.code(), taxOn,
                        currency.getCurrencyCode(), on, false, PaymentRoute.PAYROLL, null, "Gross-up of expense claim " + claim.getId(), null),
                        claim.getSubmittedBy());
                taxPayment = ledger.approve(t.getId(), actor).getId();
            }
            return new ExpenseClaim.GrossUpResult(gross, taxOn, currency.getCurrencyCode(), taxPayment, null);
        } catch (MissingTaxTableException e) {
            return noGrossUp("no " + country + " tax table is in effect on " + on + ": finance loads one and pays the tax through payroll");
        } catch (MissingExchangeRateException e) {
            return noGrossUp("no exchange rate into " + currency.getCurrencyCode() + " is in effect on " + on);
        } catch (GrossUpNotConvergedException e) {
            return noGrossUp("the gross-up with the " + country + " tax table does not converge");
        }
    }

    private static ExpenseClaim.GrossUpResult noGrossUp(String why) {
        return new ExpenseClaim.GrossUpResult(null, null, null, null, "No gross-up computed: " + why);
    }

    private BigDecimal to(BigDecimal amount, String from, CurrencyUnit to, LocalDate on) {
        return from.equals(to.getCurrencyCode()) ? amount.setScale(to.getDefaultFractionDigits(), RoundingMode.HALF_EVEN)
                : rates.convert(amount, from, to, on);
    }

    private String dutyProblem(ExpenseClaim claim, String actor) {
        if (claim.getStatus() != ExpenseClaim.Status.SUBMITTED) {
            return "expense claim " + claim.getId() + " is " + claim.getStatus() + " already";
        }
        if (claim.getSubmittedBy().equals(actor)) {
            return "you submitted this claim: someone else decides it (segregation of duties)";
        }
        if (actor.equals(cases.get(claim.getCaseId()).getEmployeeUserId())) {
            return "the claim is for your own case: someone else decides it (segregation of duties)";
        }
        return null;
    }

    private Optional<ExpenseClaim> find(Long caseId, Long claimId) {
        return claimId == null ? Optional.empty() : claims.findById(claimId).filter(x -> x.getCaseId().equals(caseId));
    }
}
