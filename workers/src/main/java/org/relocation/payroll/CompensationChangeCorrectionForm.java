package org.relocation.payroll;

import org.relocation.platform.form.FormContext;
import org.relocation.platform.form.FormSubmission;
import org.relocation.platform.form.SubmissionRefusedException;
import org.relocation.platform.form.TaskFormHandler;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.Money;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Form correct-compensation-change (process {@value CompensationChangeProcess#PROCESS_KEY}): a payroll provider refused
 * the compensation change the task names ({@value CompensationChangeProcess#CHANGE_VERSION}, a task input); finance
 * corrects it (a new effective date and, for a salary review, optionally a new salary; a new version built from the case
 * records as they are now, resent to every payroll's provider: {@link PayrollInstructions#correctChange}) or withdraws
 * it ({@link PayrollInstructions#withdrawChange}: the version in force and the ledger stay). The provider's refusal, the
 * providers' answers and the version in force against the refused change are built from the instructions when the form
 * opens (context {@value #CONTEXT}, {@value #ITEMS}, {@value #ANSWERS}), never stored with the task. Only the decision
 * ({@value #DECISION}: correct or withdraw) routes the process; the date and the salary live in the case records only.
 */
@Component
class CompensationChangeCorrectionForm implements TaskFormHandler {

    static final String FORM_ID = "correct-compensation-change";
    static final String CONTEXT = "refusal";
    static final String ITEMS = "changeItems";
    static final String ANSWERS = "providerAnswers";
    static final String DECISION = "correctionDecision";
    static final String EFFECTIVE_FROM = "effectiveFrom";
    /** Personal data (prefix pd_): kept in the case records, never in history. */
    static final String SALARY = "pd_baseSalaryAmount";
    static final String CURRENCY = "baseSalaryCurrency";
    static final String NOTE = "correctionNote";

    private final PayrollInstructions instructions;
    private final CaseService cases;

    CompensationChangeCorrectionForm(PayrollInstructions instructions, CaseService cases) {
        this.instructions = instructions;
        this.cases = cases;
    }

    @Override
    public String formId() {
        return FORM_ID;
    }

    @Override
    public Set<String> fields() {
        return Set.of(DECISION, EFFECTIVE_FROM, SALARY, CURRENCY, NOTE);
    }

    /** The submission read: what to do, the date and the salary, or the field errors of reading them. */
    private record Read(PayrollInstructions.Correction what, LocalDate effectiveFrom, Money salary, Map<String, String> errors) {
    }

    private Read read(FormSubmission s) {
        Map<String, String> errors = new LinkedHashMap<>();
        PayrollInstructions.Correction what = switch (String.valueOf(s.string(DECISION))) {
            case "correct" -> PayrollInstructions.Correction.CORRECT;
            case "withdraw" -> PayrollInstructions.Correction.WITHDRAW;
            default -> null;
        };
        LocalDate from = null;
        try {
            from = s.date(EFFECTIVE_FROM);
        } catch (DateTimeParseException e) {
            errors.put(EFFECTIVE_FROM, "Give the effective date as a date (YYYY-MM-DD).");
        }
        Money salary = null;
        if (what == PayrollInstructions.Correction.CORRECT && s.string(SALARY) != null) {
            BigDecimal amount = s.decimal(SALARY);
            String currency = s.string(CURRENCY) != null ? s.string(CURRENCY).toUpperCase(java.util.Locale.ROOT)
                    : cases.get(s.caseId()).baseSalary().currency().getCurrencyCode();
            if (amount == null) {
                errors.put(SALARY, "Give the new annual base salary as a number.");
            } else if (Currency.getAvailableCurrencies().stream().noneMatch(c -> c.getCurrencyCode().equals(currency))) {
                errors.put(CURRENCY, "Give an ISO 4217 currency code such as EUR, or leave it empty for the salary's currency.");
            } else {
                salary = new Money(amount, Currency.getInstance(currency));
            }
        } else if (what == PayrollInstructions.Correction.CORRECT && s.string(CURRENCY) != null) {
            errors.put(SALARY, "Give the new annual base salary with its currency, or leave both empty.");
        }
        return new Read(what, from, salary, errors);
    }

    @Override
    public Map<String, String> problems(FormSubmission s) {
        Long version = s.taskNumber(CompensationChangeProcess.CHANGE_VERSION);
        if (version == null) {
            return Map.of(DECISION, "This task names no compensation change to correct.");
        }
        Read r = read(s);
        if (!r.errors().isEmpty()) {
            return r.errors();
        }
        if (r.what() == PayrollInstructions.Correction.CORRECT && r.effectiveFrom() == null) {
            return Map.of(EFFECTIVE_FROM, "Give the date the corrected change takes effect.");
        }
        Map<String, String> out = new LinkedHashMap<>();
        instructions.correctionProblems(s.caseId(), version.intValue(), r.what(), r.effectiveFrom(), r.salary(), s.actor())
                .forEach((field, problem) -> out.put(formField(field), sentence(field, problem)));
        return out;
    }

    /** The form's field of a field the domain names (the API's names). */
    private static String formField(String field) {
        return switch (field) {
            case "baseSalaryAmount" -> SALARY;
            case EFFECTIVE_FROM, CURRENCY -> field;
            default -> DECISION;
        };
    }

    /** The domain's fragment as the sentence the form shows ("effectiveFrom must be after ..." → "The effective date must ..."). */
    private static String sentence(String field, String problem) {
        String subject = switch (field) {
            case EFFECTIVE_FROM -> "The effective date ";
            case "baseSalaryAmount" -> "The new salary ";
            case "reason" -> "The change's reason ";
            default -> "";
        };
        String text = subject.isEmpty() ? Character.toUpperCase(problem.charAt(0)) + problem.substring(1) : subject + problem;
        return text.endsWith(".") ? text : text + ".";
    }

    @Override
    public void record(FormSubmission s) {
        int version = s.taskNumber(CompensationChangeProcess.CHANGE_VERSION).intValue();
        Read r = read(s);
        try {
            if (r.what() == PayrollInstructions.Correction.CORRECT) {
                instructions.correctChange(s.caseId(), version, r.effectiveFrom(), r.salary(), s.actor());
            } else {
                instructions.withdrawChange(s.caseId(), version, s.actor());
            }
        } catch (InvalidCompensationChangeException e) { // corrected or withdrawn meanwhile
            Map<String, String> out = new LinkedHashMap<>();
            e.getFieldErrors().forEach((field, problem) -> out.put(formField(field), sentence(field, problem)));
            throw new SubmissionRefusedException(out);
        }
    }

    @Override
    public Map<String, Object> context(FormContext context) {
        Long version = context.taskNumber(CompensationChangeProcess.CHANGE_VERSION);
        Optional<PayrollInstruction> refused = version == null ? Optional.empty() : instructions.changeOf(context.caseId(), version.intValue());
        if (refused.isEmpty()) {
            return Map.of();
        }
        PayrollInstruction pi = refused.get();
        Optional<PayrollInstruction> inForce = instructions.inForce(context.caseId());
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("reference", pi.getReference());
        head.put("reason", pi.getReason().name());
        head.put("effectiveFrom", pi.getEffectiveFrom().toString());
        head.put("requestedBy", pi.getCreatedBy());
        head.put("approvedBy", pi.getFinanceConfirmedBy() == null ? "" : pi.getFinanceConfirmedBy());
        head.put("inForce", inForce.map(PayrollInstruction::getReference).orElse("none"));
        head.put("inForceFrom", inForce.map(i -> i.getEffectiveFrom().toString()).orElse(""));
        head.put("providerNote", pi.getProviderNote() == null ? "(no note)" : pi.getProviderNote());
        List<Map<String, String>> answers = new java.util.ArrayList<>();
        for (PayrollProviderOrder o : instructions.providerOrders(pi.getId())) {
            Map<String, String> answer = new LinkedHashMap<>();
            answer.put("payroll", o.getPayroll().name());
            answer.put("country", o.getCountry());
            answer.put("order", o.getOrderReference());
            answer.put("answer", o.getStatus().name().toLowerCase(java.util.Locale.ROOT));
            answer.put("note", o.getNote() == null ? "" : o.getNote());
            answers.add(answer);
        }
        return Map.of(CONTEXT, head, ITEMS, CompensationChangeApprovalForm.rows(inForce.map(PayrollInstruction::getItems).orElse(List.of()),
                pi.getItems()), ANSWERS, answers);
    }
}
