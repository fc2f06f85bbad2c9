package org.relocation.payroll.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.relocation.identity.CaseAccess;
import org.relocation.identity.CaseFields;
import org.relocation.identity.Roles;
import org.relocation.ledger.MobilityPayment;
import org.relocation.ledger.PaymentLedger;
import org.relocation.payroll.PayrollDelivery;
import org.relocation.payroll.PayrollInstruction;
import org.relocation.payroll.PayrollInstructionItem;
import org.relocation.payroll.PayrollProviderOrder;
import org.relocation.payroll.PayrollInstructions;
import org.relocation.platform.web.BadRequestException;
import org.relocation.relocationcase.CaseScope;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.Money;
import org.relocation.relocationcase.RelocationCase;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A case's payroll instructions (every version, with its items), and finance's export of what each payroll provider
 * (the payroll of a country) pays. The lines computed from the salary (base salary shares, cost of living,
 * hypothetical tax) are shown only to the roles that see the salary (*Who reads what*: finance, hr-admin, admin) and
 * to the case's own employee.
 */
@RestController
@Tag(name = "Payroll instructions", description = "Versioned, effective-dated payroll instructions per case and their export per payroll provider")
class PayrollInstructionController {

    private static final String READERS = "hasAnyRole('mobility-specialist','manager','finance','hr-admin','hr-lead','senior-manager','admin','employee')";
    private static final String FINANCE = "hasAnyRole('finance','hr-admin','admin')";
    private static final String REQUESTERS = "hasAnyRole('mobility-specialist','finance','hr-admin','admin')";
    private static final Set<String> READ_ALL = Set.of(Roles.FINANCE, Roles.HR_ADMIN, Roles.ADMIN);
    private static final Set<PayrollInstructionItem.Component> SALARY_LINES = EnumSet.of(PayrollInstructionItem.Component.BASE_SALARY,
            PayrollInstructionItem.Component.COST_OF_LIVING, PayrollInstructionItem.Component.HYPOTHETICAL_TAX);
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private final PayrollInstructions instructions;
    private final CaseService cases;
    private final CaseAccess access;
    private final PaymentLedger ledger;

    PayrollInstructionController(PayrollInstructions instructions, CaseService cases, CaseAccess access, PaymentLedger ledger) {
        this.ledger = ledger;
        this.instructions = instructions;
        this.cases = cases;
        this.access = access;
    }

    @Schema(name = "PayrollInstructionItem", description = "One line: which payroll pays (withholds: HYPOTHETICAL_TAX; reports only: SHADOW) what, how often, from when to when")
    record ItemView(@Schema(example = "1") int line,
                    @Schema(allowableValues = {"HOME", "HOST", "SHADOW"}, example = "HOST") String payroll,
                    @Schema(allowableValues = {"BASE_SALARY", "COST_OF_LIVING", "HOUSING", "PER_DIEM", "HOME_LEAVE", "SCHOOLING",
                            "RELOCATION_ALLOWANCE", "HYPOTHETICAL_TAX"}, example = "HOUSING") String component,
                    @Schema(description = "ISO 4217", example = "EUR") String currency,
                    @Schema(description = "Per frequency period (DAILY: per day)", example = "3200.00") BigDecimal amount,
                    @Schema(allowableValues = {"MONTHLY", "ANNUAL", "ONE_OFF", "DAILY"}, example = "MONTHLY") String frequency,
                    @Schema(example = "2027-03-01") LocalDate start,
                    @Schema(description = "Absent: until the assignment ends (open-ended)", example = "2029-02-28") LocalDate end,
                    boolean taxable) {
    }

    @Schema(name = "PayrollProviderOrder", description = "The order of a version from one payroll's provider and its answer")
    record ProviderOrderView(@Schema(allowableValues = {"HOME", "HOST"}, description = "HOST also runs the shadow payroll") String payroll,
                             @Schema(description = "The payroll's country (ISO 3166-1 alpha-2)", example = "DE") String country,
                             @Schema(description = "The vendor order's reference", example = "SO-1A2B3C4D-5E6F") String orderReference,
                             @Schema(allowableValues = {"SENT", "CONFIRMED", "REFUSED"}) String status,
                             @Schema(description = "The provider's note (a refusal says what is wrong)") String note,
                             Instant answeredAt) {
    }

    @Schema(name = "PayrollInstruction", description = "One version of the case's payroll instruction")
    record InstructionView(Long id, Long caseId, @Schema(example = "PI-42-v1") String reference, @Schema(example = "1") int version,
                           @Schema(example = "2027-03-01") LocalDate effectiveFrom,
                           @Schema(allowableValues = {"INITIAL", "CORRECTION", "SALARY_REVIEW", "NEW_DEPENDANT", "CITY_BAND_CHANGE", "EXTENSION"}) String reason,
                           @Schema(allowableValues = {"DRAFT", "SENT", "PROVIDER_CONFIRMED", "FINANCE_CONFIRMED", "REJECTED", "SUPERSEDED", "WITHDRAWN"},
                                   description = "REJECTED by finance, or by a provider (then corrected as a new version, or WITHDRAWN)") String status,
                           @Schema(allowableValues = {"HOME_BASED", "HOST_BASED", "HYBRID"}) String compensationApproach,
                           @Schema(allowableValues = {"EQUALISATION", "PROTECTION", "LAISSEZ_FAIRE"}) String taxApproach,
                           @Schema(allowableValues = {"HOME", "HOST", "SPLIT"}) String payrollDelivery,
                           @Schema(description = "The host payroll's share of the base salary, per cent", example = "50") int hostSharePercent,
                           boolean shadowPayroll,
                           @Schema(description = "What could not be instructed or scheduled, and why (never an amount)") String note,
                           String createdBy, Instant createdAt, Instant providerAnsweredAt,
                           @Schema(description = "The provider's note on its answer (a rejection says what is wrong)") String providerNote,
                           String financeConfirmedBy, Instant financeConfirmedAt,
                           @Schema(description = "The payroll system's reference finance entered") String financeReference,
                           @Schema(description = "A compensation change finance rejected: who") String financeRejectedBy,
                           @Schema(description = "A compensation change finance rejected: the reason") String financeRejectionReason,
                           @Schema(description = "One order per payroll's provider (HOME, HOST) and its answer") List<ProviderOrderView> providerOrders,
                           @Schema(description = "Without the salary lines for roles that do not see the salary") List<ItemView> items) {

        static InstructionView of(PayrollInstruction pi, List<PayrollProviderOrder> orders, boolean salary) {
            List<ItemView> items = pi.getItems().stream().filter(i -> salary || !SALARY_LINES.contains(i.getComponent()))
                    .map(i -> new ItemView(i.getLineNo(), i.getPayroll().name(), i.getComponent().name(), i.getCurrency(), i.getAmount(),
                            i.getFrequency().name(), i.getStart(), i.getEnd(), i.isTaxable())).toList();
            return new InstructionView(pi.getId(), pi.getCaseId(), pi.getReference(), pi.getInstructionVersion(), pi.getEffectiveFrom(),
                    pi.getReason().name(), pi.getStatus().name(), pi.getCompensationApproach().name(), pi.getTaxApproach(),
                    pi.getPayrollDelivery().name(), pi.getHostSharePercent(), pi.isShadowPayroll(), pi.getNote(), pi.getCreatedBy(),
                    pi.getCreatedAt(), pi.getProviderAnsweredAt(), pi.getProviderNote(), pi.getFinanceConfirmedBy(), pi.getFinanceConfirmedAt(),
                    pi.getFinanceReference(), pi.getFinanceRejectedBy(), pi.getFinanceRejectionReason(),
                    orders.stream().map(o -> new ProviderOrderView(o.getPayroll().name(), o.getCountry(), o.getOrderReference(), o.getStatus().name(),
                            o.getNote(), o.getAnsweredAt())).toList(), items);
        }
    }

    @GetMapping("/api/cases/{caseId}/payroll-instructions")
    @PreAuthorize(READERS)
    @Operation(operationId = "listCasePayrollInstructions", summary = "Every version of the case's payroll instruction, oldest first, with its items",
            description = "Who reads the case (as GET /api/cases/{id}); finance, hr-admin and admin every case's. The lines computed from the salary "
                    + "(BASE_SALARY, COST_OF_LIVING, HYPOTHETICAL_TAX) only for finance, hr-admin, admin and the case's own employee. "
                    + "404 unknown case or one beyond the caller's.")
    List<InstructionView> list(@PathVariable long caseId, Authentication user) {
        boolean all = user.getAuthorities().stream().anyMatch(a -> READ_ALL.stream().anyMatch(r -> a.getAuthority().equals("ROLE_" + r)));
        RelocationCase c = cases.readable(caseId, all ? CaseScope.everything() : access.scope(user));
        boolean salary = access.fields(user, c).contains(CaseFields.SALARY) || user.getName().equals(c.getEmployeeUserId());
        return instructions.ofCase(caseId).stream().map(pi -> InstructionView.of(pi, instructions.providerOrders(pi.getId()), salary)).toList();
    }

    @Schema(name = "CompensationChangeRequest", description = "A compensation change during the assignment: a new instruction version from effectiveFrom")
    record ChangeRequest(@Schema(allowableValues = {"SALARY_REVIEW", "NEW_DEPENDANT", "CITY_BAND_CHANGE", "EXTENSION"}, requiredMode = Schema.RequiredMode.REQUIRED,
                                 example = "SALARY_REVIEW") String reason,
                         @Schema(description = "After the version in force took effect, within the assignment", requiredMode = Schema.RequiredMode.REQUIRED,
                                 example = "2028-03-01") LocalDate effectiveFrom,
                         @Schema(description = "SALARY_REVIEW only (and then required): the new annual base salary; finance, hr-admin, admin",
                                 example = "96000") BigDecimal baseSalaryAmount,
                         @Schema(description = "ISO 4217, with baseSalaryAmount", example = "EUR") String baseSalaryCurrency) {
    }

    @PostMapping("/api/cases/{caseId}/compensation-changes")
    @PreAuthorize(REQUESTERS)
    @Operation(operationId = "requestCompensationChange", summary = "Ask for a compensation change: a new payroll instruction version from a date, and its process",
            description = "reason (SALARY_REVIEW, NEW_DEPENDANT, CITY_BAND_CHANGE, EXTENSION), effectiveFrom (after the version in force took effect, "
                    + "on or before the assignment's end); a salary review carries the new baseSalaryAmount and baseSalaryCurrency (recorded on the "
                    + "case; only finance, hr-admin and admin enter a salary). The version is built from the case records as they are now, and the "
                    + "process relocation-compensation-change starts: another member of finance approves it in the Tasklist (approve-compensation-change), "
                    + "each payroll's provider confirms it, then it takes effect and the ledger follows. "
                    + "201 the new version (DRAFT); 400 naming each bad field; 409 when the case has no instruction confirmed by finance or a change "
                    + "is in progress; nothing written on either. mobility-specialist, finance, hr-admin, admin.")
    @ApiResponse(responseCode = "201", description = "The new version, awaiting finance's approval", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "No instruction confirmed by finance, or a change in progress: detail says which")
    ResponseEntity<InstructionView> requestChange(@PathVariable long caseId, @RequestBody(required = false) ChangeRequest body, Authentication user) {
        if (body == null) {
            throw new BadRequestException(Map.of("body", "is required"));
        }
        RelocationCase c = cases.readable(caseId, all(user) ? CaseScope.everything() : access.scope(user));
        boolean salary = access.fields(user, c).contains(CaseFields.SALARY);
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        PayrollInstruction.Reason reason = null;
        try {
            reason = body.reason() == null ? null : PayrollInstruction.Reason.valueOf(body.reason());
        } catch (IllegalArgumentException e) {
            errors.put("reason", "must be SALARY_REVIEW, NEW_DEPENDANT, CITY_BAND_CHANGE or EXTENSION");
        }
        Money newSalary = null;
        if (body.baseSalaryAmount() != null || body.baseSalaryCurrency() != null) {
            if (!salary) {
                errors.put("baseSalaryAmount", "only finance, hr-admin and admin enter a salary: ask them for the salary review");
            } else if (body.baseSalaryAmount() == null) {
                errors.put("baseSalaryAmount", "is required with baseSalaryCurrency");
            } else if (body.baseSalaryCurrency() == null || java.util.Currency.getAvailableCurrencies().stream()
                    .noneMatch(cur -> cur.getCurrencyCode().equals(body.baseSalaryCurrency()))) {
                errors.put("baseSalaryCurrency", "is required with baseSalaryAmount: an ISO 4217 code such as EUR");
            } else if (body.baseSalaryAmount().stripTrailingZeros().scale()
                    > Math.max(0, java.util.Currency.getInstance(body.baseSalaryCurrency()).getDefaultFractionDigits())) {
                errors.put("baseSalaryAmount", "has more decimals than " + body.baseSalaryCurrency() + " allows");
            } else {
                newSalary = new Money(body.baseSalaryAmount(), java.util.Currency.getInstance(body.baseSalaryCurrency()));
            }
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        PayrollInstruction change = instructions.requestChange(caseId, reason, body.effectiveFrom(), newSalary, user.getName());
        return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/payroll-instructions")).body(InstructionView.of(change, List.of(), salary));
    }

    private static boolean all(Authentication user) {
        return user.getAuthorities().stream().anyMatch(a -> READ_ALL.stream().anyMatch(r -> a.getAuthority().equals("ROLE_" + r)));
    }

    @GetMapping(value = "/api/finance/payroll-instructions/export", produces = {"text/csv", PayrollExport.XLSX})
    @PreAuthorize(FINANCE)
    @Operation(operationId = "exportPayrollInstructions", summary = "What one payroll provider pays and deducts: the items of the instructions sent or confirmed and the approved recoveries, as CSV or XLSX",
            description = "provider: the payroll's country (ISO 3166-1 alpha-2): the HOME items of cases whose home country it is, the HOST and "
                    + "SHADOW items of cases whose host country it is, and the approved recoveries of the ledger (money the employee owes, "
                    + "e.g. a tax equalisation settlement owed by the employee) for the payroll that withholds the case's hypothetical tax "
                    + "(HOST when the instruction in force pays from the host payroll only, else HOME). format: csv (default) or xlsx. "
                    + "Columns case_number, instruction, version, effective_from, status, payroll, component, amount, currency, frequency, "
                    + "start, end, taxable, direction. Amounts are positive; direction says which way: PAY (paid to the employee), WITHHOLD "
                    + "(HYPOTHETICAL_TAX, kept back from each pay) or DEDUCT (a recovery: component RECOVERY, instruction = the ledger's "
                    + "source reference, no version, frequency ONE_OFF on its due date, deducted once). CSV: UTF-8, RFC 4180 "
                    + "(CRLF); a cell beginning with = + - @ gets a leading '. XLSX: one sheet named after the provider, the header row frozen, "
                    + "amounts as numbers with the currency's decimals, dates as dates, no formulas. Finance, hr-admin, admin. 400 naming provider or format.")
    @ApiResponse(responseCode = "200", description = "The file", content = {@Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = PayrollExport.XLSX, schema = @Schema(type = "string", format = "binary"))})
    ResponseEntity<byte[]> export(@Parameter(description = "ISO 3166-1 alpha-2 country of the payroll", example = "DE") @RequestParam(required = false) String provider,
                                  @Parameter(description = "csv (default) or xlsx", schema = @Schema(allowableValues = {"csv", "xlsx"}, defaultValue = "csv"))
                                  @RequestParam(required = false) String format) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (provider == null || !COUNTRY.matcher(provider).matches()) {
            errors.put("provider", "is required: the payroll's country, two capital letters (ISO 3166-1 alpha-2), e.g. DE");
        }
        if (format != null && !"csv".equals(format) && !"xlsx".equals(format)) {
            errors.put("format", "must be csv or xlsx");
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        PayrollExport export = new PayrollExport();
        Map<Long, RelocationCase> byId = new HashMap<>();
        for (PayrollInstruction pi : instructions.active()) {
            RelocationCase c = byId.computeIfAbsent(pi.getCaseId(), cases::get);
            for (PayrollInstructionItem i : pi.getItems()) {
                String country = i.getPayroll() == PayrollInstructionItem.Payroll.HOME ? c.getHomeCountry() : c.getHostCountry();
                if (provider.equals(country)) {
                    export.add(PayrollExport.Line.of(c.getCaseNumber(), pi, i));
                }
            }
        }
        for (MobilityPayment p : ledger.recoveriesToDeduct()) {
            RelocationCase c = byId.computeIfAbsent(p.getCaseId(), cases::get);
            boolean host = instructions.inForce(c.getId()).or(() -> instructions.current(c.getId()))
                    .map(pi -> pi.getPayrollDelivery() == PayrollDelivery.HOST).orElse(false);
            if (provider.equals(host ? c.getHostCountry() : c.getHomeCountry())) {
                export.add(PayrollExport.Line.recovery(c.getCaseNumber(), p, host ? "HOST" : "HOME"));
            }
        }
        String file = "payroll-instructions-" + provider;
        if ("xlsx".equals(format)) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(PayrollExport.XLSX))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + ".xlsx\"")
                    .body(export.xlsx("Payroll " + provider));
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + ".csv\"")
                .body(export.csv().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
