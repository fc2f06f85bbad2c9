package org.relocation.estimate.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.relocation.estimate.CostEstimateLine;
import org.relocation.estimate.CostEstimator;
import org.relocation.fx.ExchangeRateService;
import org.relocation.fx.MissingExchangeRateException;
import org.relocation.platform.web.BadRequestException;
import org.relocation.policy.PolicyService;
import org.relocation.relocationcase.AssignmentType;
import org.relocation.relocationcase.CaseIntake;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.IntakeValidator;
import org.relocation.relocationcase.Money;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.identity.CaseAccess;
import org.relocation.identity.CaseFields;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Options advice: for a draft intake or an existing case, what each assignment type would give and cost, side by
 * side, under the policy tables deployed now and today's exchange rates. Nothing is written.
 */
@RestController
@Tag(name = "Options advice", description = "Short-term, long-term, permanent transfer, local hire or extended business travel, side by side")
class OptionsAdviceController {

    private static final String ADVISERS = "hasAnyRole('mobility-specialist','manager','finance','hr-admin','hr-lead','senior-manager','admin')";

    private final PolicyService policy;
    private final CostEstimator estimator;
    private final CaseService cases;
    private final Clock clock;
    private final TransactionTemplate readOnly;
    private final ExchangeRateService rates;
    private final CaseAccess access;

    OptionsAdviceController(PolicyService policy, CostEstimator estimator, CaseService cases, Clock clock,
                            PlatformTransactionManager transactions, ExchangeRateService rates, CaseAccess access) {
        this.policy = policy;
        this.estimator = estimator;
        this.cases = cases;
        this.clock = clock;
        this.rates = rates;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.access = access;
    }

    @Schema(name = "OptionLine")
    record Line(String category, BigDecimal amount, String currency, BigDecimal reportingAmount, String basis) {
        static Line of(CostEstimateLine l) {
            return new Line(l.getCategory(), l.getAmount(), l.getCurrency(), l.getReportingAmount(), l.getBasis());
        }
    }

    @Schema(name = "OptionAmount")
    record Amount(BigDecimal amount, String currency) {
        static Amount of(Money m) {
            return new Amount(m.amount(), m.currency().getCurrencyCode());
        }
    }

    /** One assignment type: eligible or why not; when eligible its package, lines and totals. */
    @Schema(name = "AssignmentOption")
    record Option(String assignmentType, boolean eligible, String reason, String policyClause, String policyTier, String moveType,
                  String coreBenefits, Integer flexPoints, String cityBand, List<Line> lines, Amount total, Amount reportingTotal,
                  Boolean exceedsBudget) {
    }

    @Schema(name = "OptionsAdvice")
    record Advice(Amount budget, int durationMonths, int travellers, List<Option> options) {
    }

    @PostMapping("/api/options-advice")
    @PreAuthorize(ADVISERS)
    @Operation(operationId = "adviseOptions", summary = "Options advice for a draft intake (the case intake's fields; assignmentType is ignored)",
            description = "Each assignment type with the given dates, family, host and budget. 400 naming each bad field.")
    Advice draft(@RequestBody(required = false) CaseIntake intake) {
        if (intake == null) {
            throw new BadRequestException(Map.of("body", "is required"));
        }
        CaseIntake asAny = withType(intake, AssignmentType.LONG_TERM.name());
        Map<String, String> errors = IntakeValidator.validate(asAny);
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        return advise(asAny);
    }

    @GetMapping("/api/cases/{caseId}/options")
    @PreAuthorize(ADVISERS)
    @Operation(operationId = "getCaseOptions", summary = "Options advice for an existing case: each assignment type with the case's dates, family, host and budget")
    Advice forCase(@PathVariable long caseId, org.springframework.security.core.Authentication reader) {
        // the case's travellers are loaded lazily: read the case in a transaction (open-in-view is off), advise outside it;
        // a case the reader does not act on is not found, and the lines computed from the salary are for its readers only
        boolean[] salary = new boolean[1];
        CaseIntake intake = readOnly.execute(status -> {
            RelocationCase c = cases.readable(caseId, access.scope(reader));
            salary[0] = access.fields(reader, c).contains(CaseFields.SALARY);
            return intakeOf(c);
        });
        Advice advice = advise(intake);
        if (salary[0]) {
            return advice;
        }
        return new Advice(advice.budget(), advice.durationMonths(), advice.travellers(), advice.options().stream()
                .map(o -> o.lines() == null ? o : new Option(o.assignmentType(), o.eligible(), o.reason(), o.policyClause(), o.policyTier(),
                        o.moveType(), o.coreBenefits(), o.flexPoints(), o.cityBand(),
                        o.lines().stream().filter(l -> !CaseFields.SALARY_LINES.contains(l.category())).toList(),
                        o.total(), o.reportingTotal(), o.exceedsBudget()))
                .toList());
    }

    private static CaseIntake intakeOf(RelocationCase c) {
        List<CaseIntake.Dependent> dependents = c.getTravellers().stream().filter(t -> t != c.employee())
                .map(t -> new CaseIntake.Dependent(t.getRelationship().name(), "dependant", t.getNationality(), t.getBirthDate())).toList();
        CaseIntake intake = new CaseIntake("employee", "employee@example.invalid", "employee", c.employee().getNationality(),
                c.getHomeCountry(), c.getHomeCity(), c.getHostCountry(), c.getHostCity(), c.getAssignmentType().name(), c.getStartDate(),
                c.getEndDate(), c.getCostCentre(), c.budget().amount(), c.budget().currency().getCurrencyCode(), c.getGradeLevel(),
                c.baseSalary().amount(), c.baseSalary().currency().getCurrencyCode(), dependents, null, null);
        return intake;
    }

    private Advice advise(CaseIntake intake) {
        List<Option> options = new ArrayList<>();
        RelocationCase any = RelocationCase.draft(intake, clock.instant());
        for (AssignmentType type : AssignmentType.values()) {
            RelocationCase draft = RelocationCase.draft(withType(intake, type.name()), clock.instant());
            PolicyService.Preview p = policy.preview(draft);
            if (p.allowances() == null) {
                options.add(new Option(type.name(), false, p.eligibility().reason(), p.eligibility().policyClause(), null, null, null, null,
                        null, List.of(), null, null, null));
                continue;
            }
            CostEstimator.Preview e;
            try {
                e = estimator.preview(draft, p.allowances());
            } catch (MissingExchangeRateException ex) {
                throw new BadRequestException(unrated(intake, ex));
            }
            PolicyService.Allowances a = p.allowances();
            options.add(new Option(type.name(), true, p.eligibility().reason(), p.eligibility().policyClause(), a.policyTier(), a.moveType(),
                    a.coreBenefits(), a.flexPoints(), a.cityBand(), e.lines().stream().map(Line::of).toList(), Amount.of(e.total()),
                    Amount.of(e.reportingTotal()), e.exceedsBudget()));
        }
        return new Advice(Amount.of(any.budget()), any.durationMonths(), any.getTravellers().size(), options);
    }

    /**
     * The currency fields without a rate to the reporting currency today: the lines go into the budget currency, the
     * cost-of-living allowance is computed in the salary currency.
     */
    private Map<String, String> unrated(CaseIntake intake, MissingExchangeRateException ex) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("budgetCurrency", intake.budgetCurrency());
        fields.put("baseSalaryCurrency", intake.baseSalaryCurrency());
        fields.forEach((field, code) -> ExchangeRateService.currency(code).ifPresent(unit -> {
            try {
                rates.rate(unit, rates.reportingCurrency(), LocalDate.now(clock));
            } catch (MissingExchangeRateException e) {
                errors.put(field, "has no exchange rate to " + rates.reportingCurrency().getCurrencyCode() + " in effect today: finance loads rates");
            }
        }));
        if (errors.isEmpty()) {
            errors.put("budgetCurrency", "has no exchange rate in effect today (" + ex.getMessage() + ")");
        }
        return errors;
    }

    private static CaseIntake withType(CaseIntake i, String type) {
        return new CaseIntake(i.employeeName(), i.employeeEmail(), i.employeeUserId(), i.nationality(), i.homeCountry(), i.homeCity(),
                i.hostCountry(), i.hostCity(), type, i.startDate(), i.endDate(), i.costCentre(), i.budgetAmount(), i.budgetCurrency(),
                i.gradeLevel(), i.baseSalaryAmount(), i.baseSalaryCurrency(), i.dependents(), i.lineManagerUserId(), i.specialistUserId());
    }
}
