package org.relocation.tax;

import org.relocation.platform.form.FormContext;
import org.relocation.platform.form.FormSubmission;
import org.relocation.platform.form.DecisionForm;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Form approve-tax-settlement (process {@value TaxSettlementProcess#PROCESS_KEY}): finance approves or rejects the
 * settlement the task names ({@value TaxSettlementProcess#SETTLEMENT_ID}, a task input). The figures are a table built
 * from the settlement record when the form opens (context {@value #CONTEXT}), never stored with the task. Whoever
 * entered the settlement may not decide it; a rejection needs its reason.
 */
@Component
class TaxSettlementApprovalForm extends DecisionForm {

    static final String FORM_ID = "approve-tax-settlement";
    static final String CONTEXT = "settlement";
    static final String DECISION = "settlementDecision";
    static final String COMMENT = "settlementComment";

    private final TaxSettlementService settlements;
    private final TaxYearSettlementRepository repository;

    TaxSettlementApprovalForm(TaxSettlementService settlements, TaxYearSettlementRepository repository) {
        super(FORM_ID, DECISION, COMMENT, TaxSettlementProcess.SETTLEMENT_ID, "tax settlement", TaxSettlementRefusedException.class);
        this.settlements = settlements;
        this.repository = repository;
    }

    @Override
    public boolean approval() {
        return true;
    }

    @Override
    protected String problem(FormSubmission s, long id, boolean approve, String comment) {
        return settlements.decisionProblem(id, approve, comment, s.actor());
    }

    @Override
    protected void decide(FormSubmission s, long id, boolean approve, String comment) {
        settlements.decide(id, approve, comment, s.actor());
    }

    @Override
    public Map<String, Object> context(FormContext context) {
        Long id = context.taskNumber(TaxSettlementProcess.SETTLEMENT_ID);
        TaxYearSettlement s = id == null ? null : repository.findById(id).filter(x -> x.getCaseId().equals(context.caseId())).orElse(null);
        if (s == null) {
            return Map.of();
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("summary", "Tax year " + s.getTaxYear() + " · " + s.getApproach() + " · entered by " + s.getEnteredBy()
                + " · hypothetical tax withheld: " + (s.getWithheldSource() == TaxYearSettlement.WithheldSource.CASE
                ? "from the case (monthly withholding of the months on assignment)" : "as payroll reported it"));
        List<Map<String, String>> rows = new ArrayList<>();
        rows.add(row("Hypothetical tax (final, for the months on assignment)", s.getHypotheticalTax(), s));
        rows.add(row("Hypothetical tax withheld through payroll", s.getHypotheticalWithheld(), s));
        for (TaxYearSettlement.Line l : s.getLines()) {
            rows.add(row("Actual tax " + l.getCountry() + " paid by the " + l.getPaidBy().name().toLowerCase()
                    + (l.getEnteredCurrency().equals(s.getCurrency()) ? "" : " (entered " + l.getEnteredAmount().stripTrailingZeros().toPlainString()
                    + " " + l.getEnteredCurrency() + ")"), l.getAmount(), s));
        }
        rows.add(row("Actual taxes", s.getActualTaxes(), s));
        rows.add(row("The employee's tax burden (" + s.getApproach() + ")", s.getEmployeeBurden(), s));
        rows.add(row("Difference: " + switch (s.getDirection()) {
            case OWED_BY_EMPLOYEE -> "owed by the employee (deducted through payroll)";
            case OWED_TO_EMPLOYEE -> "owed to the employee (paid through payroll)";
            case NONE -> "nothing owed either way";
        }, s.getAmount(), s));
        rows.add(row("The company's tax cost after the settlement", s.getCompanyTaxCost(), s));
        view.put("lines", rows);
        return Map.of(CONTEXT, view);
    }

    private static Map<String, String> row(String what, BigDecimal amount, TaxYearSettlement s) {
        return Map.of("line", what, "amount", amount.setScale(java.util.Currency.getInstance(s.getCurrency()).getDefaultFractionDigits(),
                java.math.RoundingMode.HALF_EVEN).toPlainString() + " " + s.getCurrency());
    }
}
