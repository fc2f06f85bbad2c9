package org.relocation.expense;

import org.relocation.ledger.PaymentCategory;
import org.relocation.platform.form.FormContext;
import org.relocation.platform.form.FormSubmission;
import org.relocation.platform.form.DecisionForm;
import org.relocation.policyexception.PolicyException;
import org.relocation.policyexception.PolicyExceptionService;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The forms of process {@value ExpenseClaimProcess#PROCESS_KEY}. Each shows the claim the task names
 * ({@value ExpenseClaimProcess#CLAIM_ID}, a task input) as context {@value #CONTEXT} built from the claim record when the
 * form opens (category, date, merchant, amounts, what was left of the cap, the policy check, duplicate flags, the
 * receipt's link), never stored with the task. Built by {@link ExpenseConfiguration} (server only, like the claims).
 */
final class ExpenseClaimForms {

    static final String APPROVE = "approve-expense-claim";
    static final String APPROVE_FINANCE = "approve-expense-claim-finance";
    static final String DECIDE_EXCEPTION = "decide-expense-exception";
    static final String CONTEXT = "claim";
    static final String DECISION = "expenseDecision";
    static final String COMMENT = "expenseComment";
    static final String EXCEPTION_DECISION = "expenseExceptionDecision";
    static final String EXCEPTION_COMMENT = "expenseExceptionComment";

    private ExpenseClaimForms() {
    }

    /** approve-expense-claim (mobility specialist) and approve-expense-claim-finance (finance): approve or reject the claim. */
    static final class Approval extends DecisionForm {

        private final ExpenseApprovals approvals;
        private final ExpenseClaimRepository claims;
        private final PolicyExceptionService exceptions;

        Approval(String formId, ExpenseApprovals approvals, ExpenseClaimRepository claims, PolicyExceptionService exceptions) {
            super(formId, DECISION, COMMENT, ExpenseClaimProcess.CLAIM_ID, "expense claim", ExpenseClaimRefusedException.class);
            this.approvals = approvals;
            this.claims = claims;
            this.exceptions = exceptions;
        }

        @Override
        protected String problem(FormSubmission s, long claim, boolean approve, String comment) {
            return approvals.decisionProblem(s.caseId(), claim, approve, comment, s.actor());
        }

        @Override
        protected void decide(FormSubmission s, long claim, boolean approve, String comment) {
            approvals.decide(s.caseId(), claim, approve, comment, s.actor());
        }

        @Override
        public Map<String, Object> context(FormContext context) {
            return view(context, claims, exceptions, approvals);
        }
    }

    /** decide-expense-exception (HR lead): approve or reject the policy exception a claim outside the policy asked for. */
    static final class ExceptionDecision extends DecisionForm {

        private final ExpenseApprovals approvals;
        private final ExpenseClaimRepository claims;
        private final PolicyExceptionService exceptions;

        ExceptionDecision(ExpenseApprovals approvals, ExpenseClaimRepository claims, PolicyExceptionService exceptions) {
            super(DECIDE_EXCEPTION, EXCEPTION_DECISION, EXCEPTION_COMMENT, ExpenseClaimProcess.CLAIM_ID, "expense claim",
                    ExpenseClaimRefusedException.class);
            this.approvals = approvals;
            this.claims = claims;
            this.exceptions = exceptions;
        }

        @Override
        protected String problem(FormSubmission s, long claim, boolean approve, String comment) {
            return approvals.exceptionProblem(s.caseId(), claim, approve, comment, s.actor());
        }

        @Override
        protected void decide(FormSubmission s, long claim, boolean approve, String comment) {
            approvals.decideException(s.caseId(), claim, approve, comment, s.actor());
        }

        @Override
        public Map<String, Object> context(FormContext context) {
            return view(context, claims, exceptions, approvals);
        }
    }

    /** The claim as the forms show it, from its record now. */
    static Map<String, Object> view(FormContext context, ExpenseClaimRepository claims, PolicyExceptionService exceptions, ExpenseApprovals approvals) {
        Long id = context.taskNumber(ExpenseClaimProcess.CLAIM_ID);
        ExpenseClaim c = id == null ? null : claims.findById(id).filter(x -> x.getCaseId().equals(context.caseId())).orElse(null);
        if (c == null) {
            return Map.of();
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("summary", "Expense claim " + c.getId() + " · " + c.getCategory() + " · submitted by " + c.getSubmittedBy() + " · " + c.getStatus());
        List<Map<String, String>> rows = new ArrayList<>();
        rows.add(row("Category", c.getCategory()));
        rows.add(row("Expense date", c.getExpenseDate().toString()));
        rows.add(row("Merchant", c.getMerchant()));
        rows.add(row("Amount", plain(c.getAmount()) + " " + c.getCurrency()));
        rows.add(row("In the reporting currency", plain(c.getReportingAmount()) + " " + c.getReportingCurrency() + " (1 " + c.getCurrency() + " = "
                + c.getRate().stripTrailingZeros().toPlainString() + " " + c.getReportingCurrency() + " on the expense date)"));
        rows.add(row("Left of the policy cap before this claim", c.getRemainingCap() == null ? "no cap on " + c.getCategory()
                : plain(c.getRemainingCap()) + " " + c.getReportingCurrency()));
        rows.add(row("Policy check", c.isWithinPolicy() ? "within the policy" : c.getPolicyNote()));
        rows.add(row("Possible duplicate", duplicates(c)));
        boolean taxable = PaymentCategory.fromCode(c.getCategory()).map(approvals::taxable).orElse(false);
        rows.add(row("Paid", taxable ? "through payroll: taxable, grossed up with the host country's tax table" : "through accounts payable: not taxable"));
        if (c.getRoute() != null) {
            rows.add(row("Route", c.getRoute() + ": " + c.getRouteReason()));
        }
        if (c.getPolicyExceptionId() != null) {
            PolicyException e = exceptions.get(c.getPolicyExceptionId());
            rows.add(row("Policy exception " + e.getId(), e.getStatus() + ": " + plain(e.money().amount()) + " " + e.money().currency().getCurrencyCode()
                    + " beyond the cap (clause " + e.getPolicyClause() + ")" + (e.getDecidedBy() == null ? "" : ", decided by " + e.getDecidedBy())));
        }
        view.put("lines", rows);
        view.put("receiptUrl", "/api/cases/" + c.getCaseId() + "/expense-claims/" + c.getId() + "/receipt");
        return Map.of(CONTEXT, view);
    }

    private static String duplicates(ExpenseClaim c) {
        List<String> d = new ArrayList<>();
        if (c.getDuplicateReceiptOf() != null) {
            d.add("the same receipt file as claim " + c.getDuplicateReceiptOf());
        }
        if (c.getDuplicateDetailsOf() != null) {
            d.add("the same date, amount, currency and merchant as claim " + c.getDuplicateDetailsOf());
        }
        return d.isEmpty() ? "no" : "yes: " + String.join("; ", d);
    }

    private static Map<String, String> row(String what, String value) {
        return Map.of("line", what, "value", value);
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() < 0 ? amount.setScale(0).toPlainString() : amount.stripTrailingZeros().toPlainString();
    }
}
