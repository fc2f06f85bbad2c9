package org.relocation.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.relocation.identity.CaseAccess;
import org.relocation.identity.CaseFields;
import org.relocation.identity.Roles;
import org.relocation.ledger.LedgerFigures;
import org.relocation.ledger.MobilityPayment;
import org.relocation.ledger.PaymentCategory;
import org.relocation.ledger.PaymentLedger;
import org.relocation.ledger.PaymentNotFoundException;
import org.relocation.ledger.PaymentRoute;
import org.relocation.platform.web.BadRequestException;
import org.relocation.relocationcase.CaseScope;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A case's mobility payments: read them with the case's budget, committed, actual and variance; record a one-off
 * payment; finance approves, pays and cancels. The rules (policy caps, lump sum, budget, status moves, segregation of
 * duties) are the ledger's ({@link PaymentLedger}); this only reads the request and shows the answer.
 * <p>
 * Who reads: whoever may read the case (as {@code GET /api/cases/{id}}) and sees its financials, and the case's own
 * employee (their payments, without cost centre, budget or variance); finance, hr-admin and admin read every case's
 * payments (finance pays them). Cost-of-living payments are computed from the salary: shown only to the roles that see
 * it (finance, hr-admin, admin) and to the employee.
 */
@RestController
@Tag(name = "Payments", description = "The mobility payments ledger of a case: allowances, one-off payments, vendor invoices, reimbursements, recoveries")
class PaymentController {

    private static final String READERS = "hasAnyRole('mobility-specialist','manager','finance','hr-admin','hr-lead','senior-manager','admin','employee')";
    private static final String RECORDERS = "hasAnyRole('mobility-specialist','finance','admin')";
    private static final String PAYERS = "hasAnyRole('finance','admin')";
    private static final Set<String> READ_ALL = Set.of(Roles.FINANCE, Roles.HR_ADMIN, Roles.ADMIN);
    private static final String FINANCIALS = "Only for the roles that see the case's financials (not the employee)";

    private final PaymentLedger ledger;
    private final CaseService cases;
    private final CaseAccess access;

    PaymentController(PaymentLedger ledger, CaseService cases, CaseAccess access) {
        this.ledger = ledger;
        this.cases = cases;
        this.access = access;
    }

    @Schema(name = "OneOffPaymentRequest")
    record OneOffRequest(String category, BigDecimal amount, String currency, LocalDate dueDate, Boolean taxable, String route,
                         String costCentre, String description, Long policyExceptionId) {
    }

    @Schema(name = "PaymentSettlement")
    record PaidRequest(LocalDate paidOn) {
    }

    @Schema(name = "PaymentCancellation")
    record CancelRequest(String reason) {
    }

    @Schema(name = "MobilityPayment")
    record PaymentView(Long id, Long caseId, String kind, String category, String sourceReference, String description,
                       BigDecimal amount, String currency, BigDecimal reportingAmount, String reportingCurrency,
                       @Schema(description = "1 currency = rate reportingCurrency, in effect on rateOn (the due date)") BigDecimal rate,
                       LocalDate rateOn, @Schema(description = FINANCIALS) String costCentre, String route, boolean taxable,
                       LocalDate dueDate, Long policyExceptionId, String status,
                       String direction,
                       String createdBy, Instant createdAt,
                       String approvedBy, Instant approvedAt, String paidBy, Instant paidAt, LocalDate paidOn,
                       @Schema(description = "The amount at the rate of paidOn (actual spend)") BigDecimal paidReportingAmount,
                       BigDecimal paidRate, String cancelledBy, Instant cancelledAt, String cancelReason) {

        static PaymentView of(MobilityPayment p, boolean financials) {
            return new PaymentView(p.getId(), p.getCaseId(), p.getKind().name(), p.getCategory(), p.getSourceReference(), p.getDescription(),
                    p.money().amount(), p.money().currency().getCurrencyCode(), p.reporting().amount(), p.getReportingCurrency(),
                    MobilityPaymentRates.plain(p.getRate()), p.getRateOn(), financials ? p.getCostCentre() : null, p.getRoute().name(),
                    p.isTaxable(), p.getDueDate(), p.getPolicyExceptionId(), p.getStatus().name(), p.getDirection().name(), p.getCreatedBy(), p.getCreatedAt(),
                    p.getApprovedBy(), p.getApprovedAt(), p.getPaidBy(), p.getPaidAt(), p.getPaidOn(), p.getPaidReportingAmount(),
                    p.getPaidRate(), p.getCancelledBy(), p.getCancelledAt(), p.getCancelReason());
        }
    }

    @Schema(name = "PaymentMonth")
    record MonthView(String month, BigDecimal committed, BigDecimal actual) {
    }

    @Schema(name = "CasePayments")
    record CasePaymentsView(Long caseId, String caseNumber, String currency,
                            @Schema(description = FINANCIALS + "; the approved estimate in the reporting currency, absent before approval") BigDecimal budget,
                            @Schema(description = "Planned and approved payments, at their due day's rate, net of recoveries (which count negative)") BigDecimal committed,
                            @Schema(description = "Paid payments, at their paid day's rate, net of recoveries deducted") BigDecimal actual,
                            @Schema(description = FINANCIALS + "; budget - committed - actual") BigDecimal variance,
                            @Schema(description = FINANCIALS + "; variance / budget x 100, two decimals") BigDecimal variancePercent,
                            @Schema(description = "Committed by due month, actual by paid month (YYYY-MM, ascending)") List<MonthView> months,
                            List<PaymentView> payments) {
    }

    @GetMapping("/api/cases/{caseId}/payments")
    @PreAuthorize(READERS)
    @Operation(operationId = "listCasePayments", summary = "The case's mobility payments by due date, with budget, committed, actual and variance per month",
            description = "Amounts in the reporting currency: committed = planned + approved (at the due day's rate, in the due month), actual = "
                    + "paid (at the paid day's rate, in the paid month), variance = budget (the approved estimate) - committed - actual. "
                    + "A RECOVERY (direction INCOMING: money the employee owes, deducted through payroll) counts negative in committed "
                    + "and actual. "
                    + "The case's employee reads their own payments without cost centre, budget or variance; finance, hr-admin and admin "
                    + "every case's; other staff the cases they may read. 404 unknown case or one beyond the caller's.")
    CasePaymentsView list(@PathVariable long caseId, Authentication user) {
        RelocationCase c = readable(caseId, user);
        Set<CaseFields> fields = access.fields(user, c);
        boolean own = user.getName().equals(c.getEmployeeUserId());
        boolean financials = fields.contains(CaseFields.FINANCIALS);
        boolean salary = fields.contains(CaseFields.SALARY) || own;
        PaymentLedger.CaseLedger summary = ledger.caseLedger(caseId);
        LedgerFigures.Totals t = summary.totals();
        List<PaymentView> payments = ledger.ofCase(caseId).stream()
                .filter(p -> salary || p.categoryCode() != PaymentCategory.COST_OF_LIVING)
                .map(p -> PaymentView.of(p, financials)).toList();
        return new CasePaymentsView(c.getId(), c.getCaseNumber(), summary.currency(), financials ? t.budget() : null, t.committed(), t.actual(),
                financials ? t.variance() : null, financials ? t.variancePercent() : null,
                summary.months().stream().map(m -> new MonthView(m.month(), m.committed(), m.actual())).toList(), payments);
    }

    @PostMapping("/api/cases/{caseId}/payments")
    @PreAuthorize(RECORDERS)
    @Operation(operationId = "recordOneOffPayment", summary = "Record a one-off payment of the case (PLANNED), checked against the policy caps and the approved budget",
            description = "category (" + "housing, cost-of-living, per-diem, home-leave, schooling, relocation-allowance, household-goods, temporary-housing, "
                    + "destination-services, travel, immigration-fees, tax, other), amount (> 0, at most 10000000, the currency's decimals), ISO 4217 "
                    + "currency, dueDate (two years back to ten ahead), taxable; route (default PAYROLL if taxable, else ACCOUNTS_PAYABLE), "
                    + "costCentre (default the case's), description, policyExceptionId (an approved exception of the case and category: lifts "
                    + "the cap by its amount and the budget check). 201; 400 naming each bad field; 409 with a sentence when a cap, the budget "
                    + "or the case's state refuses it. Nothing written on either.")
    @ApiResponse(responseCode = "201", description = "Recorded; Location names the case's payments", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "Refused by a rule (policy cap, lump sum, budget, case state): detail says which")
    ResponseEntity<PaymentView> record(@PathVariable long caseId, @RequestBody(required = false) OneOffRequest body, Authentication user) {
        if (body == null) {
            throw new BadRequestException(Map.of("body", "is required"));
        }
        RelocationCase c = readable(caseId, user);
        PaymentRoute route = null;
        if (body.route() != null) {
            try {
                route = PaymentRoute.valueOf(body.route());
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(Map.of("route", "must be PAYROLL or ACCOUNTS_PAYABLE"));
            }
        }
        MobilityPayment p = ledger.recordOneOff(caseId, new PaymentLedger.OneOff(body.category(), body.amount(), body.currency(), body.dueDate(),
                body.taxable(), route, body.costCentre(), body.description(), body.policyExceptionId()), user.getName());
        return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/payments"))
                .body(PaymentView.of(p, access.fields(user, c).contains(CaseFields.FINANCIALS)));
    }

    @PostMapping("/api/cases/{caseId}/payments/{paymentId}/approve")
    @PreAuthorize(PAYERS)
    @Operation(operationId = "approvePayment", summary = "Finance approves a planned payment",
            description = "409 when the payment is not PLANNED, or the caller recorded it (segregation of duties).")
    @ApiResponse(responseCode = "200", description = "Approved", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "Not PLANNED, or recorded by the caller: detail says which")
    PaymentView approve(@PathVariable long caseId, @PathVariable long paymentId, Authentication user) {
        of(caseId, paymentId, user);
        return PaymentView.of(ledger.approve(paymentId, user.getName()), true);
    }

    @PostMapping("/api/cases/{caseId}/payments/{paymentId}/paid")
    @PreAuthorize(PAYERS)
    @Operation(operationId = "markPaymentPaid", summary = "Finance records an approved payment as paid on a day (converted again at that day's rate)",
            description = "paidOn (YYYY-MM-DD, not in the future). 400 naming paidOn; 409 when the payment is not APPROVED, or the caller recorded it.")
    @ApiResponse(responseCode = "200", description = "Paid", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "Not APPROVED, or recorded by the caller: detail says which")
    PaymentView paid(@PathVariable long caseId, @PathVariable long paymentId, @RequestBody(required = false) PaidRequest body, Authentication user) {
        if (body == null) {
            throw new BadRequestException(Map.of("body", "is required"));
        }
        of(caseId, paymentId, user);
        return PaymentView.of(ledger.markPaid(paymentId, body.paidOn(), user.getName()), true);
    }

    @PostMapping("/api/cases/{caseId}/payments/{paymentId}/cancel")
    @PreAuthorize(PAYERS)
    @Operation(operationId = "cancelPayment", summary = "Finance cancels a planned or approved payment, saying why",
            description = "reason (1-500 characters on one line). 400 naming reason; 409 when the payment is PAID or CANCELLED (final).")
    @ApiResponse(responseCode = "200", description = "Cancelled", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "Already paid or cancelled: final")
    PaymentView cancel(@PathVariable long caseId, @PathVariable long paymentId, @RequestBody(required = false) CancelRequest body,
                       Authentication user) {
        if (body == null) {
            throw new BadRequestException(Map.of("body", "is required"));
        }
        of(caseId, paymentId, user);
        return PaymentView.of(ledger.cancel(paymentId, body.reason(), user.getName()), true);
    }

    private MobilityPayment of(long caseId, long paymentId, Authentication user) {
        readable(caseId, user);
        MobilityPayment p = ledger.get(paymentId);
        if (!p.getCaseId().equals(caseId)) {
            throw new PaymentNotFoundException(paymentId);
        }
        return p;
    }

    /** The case if the caller may read its payments: finance, hr-admin and admin every case, others as the case API. */
    private RelocationCase readable(long caseId, Authentication user) {
        boolean all = user.getAuthorities().stream().anyMatch(a -> READ_ALL.stream().anyMatch(r -> a.getAuthority().equals("ROLE_" + r)));
        return cases.readable(caseId, all ? CaseScope.everything() : access.scope(user));
    }
}
