package org.relocation.expense.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.relocation.expense.ExpenseClaim;
import org.relocation.expense.ExpenseClaims;
import org.relocation.identity.CaseAccess;
import org.relocation.identity.Roles;
import org.relocation.relocationcase.CaseScope;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Expense claims of a case. Submitting: the case's own employee, or a mobility specialist (or admin) on their behalf;
 * the checks are the domain's ({@link ExpenseClaims}). Reading: the case's employee their own claims; mobility
 * specialists the cases they may read; finance, hr-admin and admin every case's. The receipt: the case's employee,
 * mobility specialists, finance (who approve claims) and admins; anyone else who may read the case is refused and the
 * refusal is in the receipt's access log.
 */
@RestController
@Tag(name = "Expense claims", description = "An employee's expenses with receipts: submitted, converted at the expense date's rate, "
        + "checked against the policy cap, flagged when they may be duplicates, routed and approved into ledger reimbursements")
class ExpenseClaimController {

    private static final String SUBMITTERS = "hasAnyRole('employee','mobility-specialist','admin')";
    private static final String READERS = "hasAnyRole('employee','mobility-specialist','finance','hr-admin','admin')";
    private static final Set<String> READ_ALL = Set.of(Roles.FINANCE, Roles.HR_ADMIN, Roles.ADMIN);
    private static final Set<String> RECEIPT_ROLES = Set.of(Roles.SPECIALIST, Roles.FINANCE, Roles.ADMIN);
    private static final Set<String> ON_BEHALF = Set.of(Roles.SPECIALIST, Roles.ADMIN);

    private final ExpenseClaims claims;
    private final CaseService cases;
    private final CaseAccess access;

    ExpenseClaimController(ExpenseClaims claims, CaseService cases, CaseAccess access) {
        this.claims = claims;
        this.cases = cases;
        this.access = access;
    }

    /** The multipart/form-data body of a claim, as documented: text parts and the receipt as the part {@code file}. */
    @Schema(name = "ExpenseClaimSubmission")
    record Submission(String category, LocalDate expenseDate, String merchant, String currency, BigDecimal amount,
                      @Schema(type = "string", format = "binary", description = "The receipt: PDF, JPEG or PNG, at most 10 MB") String file) {
    }

    /** The receipt's metadata (never its content). */
    @Schema(name = "ExpenseReceipt")
    record ReceiptView(String contentType, long sizeBytes, String sha256, String url) {
    }

    /** A taxable approved claim's gross-up (null otherwise). */
    @Schema(name = "ExpenseGrossUp", description = "The gross-up of a taxable approved claim with the host country's tax table in effect on the "
            + "expense date: gross = the claim (net) + the tax on it, in the table's currency; the tax is an approved ledger tax payment "
            + "through payroll (taxPaymentId). Without a table or rate: only note says why")
    record GrossUpView(BigDecimal grossAmount, BigDecimal taxOnClaim, String currency, Long taxPaymentId, String note) {
    }

    @Schema(name = "ExpenseClaim")
    record ClaimView(Long id, Long caseId, String caseNumber, String category, LocalDate expenseDate, String merchant, BigDecimal amount,
                     String currency, BigDecimal reportingAmount, String reportingCurrency,
                     @Schema(description = "1 currency = rate reportingCurrency, in effect on the expense date") BigDecimal rate,
                     boolean withinPolicy, String policyNote, BigDecimal remainingCap, Long duplicateReceiptOf, Long duplicateDetailsOf,
                     boolean possibleDuplicate, ReceiptView receipt,
                     @Schema(allowableValues = {"SUBMITTED", "APPROVED", "REJECTED"}) String status, String submittedBy, Instant submittedAt,
                     @Schema(description = "Who decides it (relocation-expense-routing): SPECIALIST, FINANCE or EXCEPTION (the HR lead "
                             + "decides a policy exception first, then finance)", allowableValues = {"SPECIALIST", "FINANCE", "EXCEPTION"})
                     String route, String routeReason,
                     @Schema(description = "The policy exception asked for a claim outside the policy") Long policyExceptionId,
                     @Schema(description = "Approved: whether it is taxable income (paid through payroll and grossed up)") Boolean taxable,
                     String decidedBy, Instant decidedAt,
                     @Schema(description = "The approver's comment, or the reason of a rejection") String decisionComment,
                     @Schema(description = "Approved: the ledger's REIMBURSEMENT payment (GET /api/cases/{caseId}/payments)") Long paymentId,
                     GrossUpView grossUp) {

        static ClaimView of(ExpenseClaim c, String caseNumber) {
            GrossUpView grossUp = c.getGrossUpAmount() == null && c.getGrossUpNote() == null ? null
                    : new GrossUpView(c.getGrossUpAmount(), c.getGrossUpTax(), c.getGrossUpCurrency(), c.getGrossUpPaymentId(), c.getGrossUpNote());
            return new ClaimView(c.getId(), c.getCaseId(), caseNumber, c.getCategory(), c.getExpenseDate(), c.getMerchant(), c.getAmount(),
                    c.getCurrency(), c.getReportingAmount(), c.getReportingCurrency(), c.getRate().stripTrailingZeros(), c.isWithinPolicy(),
                    c.getPolicyNote(), c.getRemainingCap(), c.getDuplicateReceiptOf(), c.getDuplicateDetailsOf(),
                    c.getDuplicateReceiptOf() != null || c.getDuplicateDetailsOf() != null,
                    new ReceiptView(c.getReceiptContentType(), c.getReceiptSizeBytes(), c.getReceiptSha256(),
                            "/api/cases/" + c.getCaseId() + "/expense-claims/" + c.getId() + "/receipt"),
                    c.getStatus().name(), c.getSubmittedBy(), c.getSubmittedAt(), c.getRoute(), c.getRouteReason(), c.getPolicyExceptionId(),
                    c.getTaxable(), c.getDecidedBy(), c.getDecidedAt(), c.getDecisionComment(), c.getPaymentId(), grossUp);
        }
    }

    @Schema(name = "CaseExpenseClaims")
    record CaseClaimsView(Long caseId, String caseNumber, List<ClaimView> claims) {
    }

    @Schema(name = "ExpenseReceiptAccess")
    record AccessView(Instant at, String actor, String action, String outcome) {
    }

    @PostMapping(path = "/api/cases/{caseId}/expense-claims", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(SUBMITTERS)
    @Operation(operationId = "submitExpenseClaim", summary = "Submit an expense claim with its receipt (multipart/form-data)",
            description = "The case's employee, or a mobility specialist (or admin) on their behalf. Parts: category (a policy category of the "
                    + "ledger, not cost-of-living), expenseDate (YYYY-MM-DD, within the last two years, not in the future), merchant (1-100 "
                    + "characters, one line), currency (ISO 4217), amount (> 0, at most 10000000, the currency's decimals) and file (the "
                    + "receipt: PDF, JPEG or PNG by content, at most 10 MB; stored encrypted, every access logged). The amount is converted "
                    + "into the reporting currency at the rate of the expense date and checked against what is left of the category's "
                    + "policy cap (withinPolicy, remainingCap, policyNote). A claim that may duplicate an earlier one of the case (the same "
                    + "receipt file, or the same date, amount, currency and merchant) is flagged, not refused. 201; 400 naming each bad "
                    + "field; 409 with a sentence for a lump-sum case (it reimburses nothing) or a case not running. Nothing written, no "
                    + "file stored, on either. A recorded claim is routed by relocation-expense-routing (route: SPECIALIST within the policy up "
                    + "to the threshold, FINANCE above it, EXCEPTION outside the policy: a policy exception is asked in the register, "
                    + "policyExceptionId) and starts its approval process relocation-expense-claim.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = Submission.class))))
    @ApiResponse(responseCode = "201", description = "Recorded (SUBMITTED); Location names the claim's receipt", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "Refused: a lump-sum case, or a case not running; detail says which")
    @ApiResponse(responseCode = "413", description = "The receipt is larger than 10 MB; nothing written (fieldErrors names file)")
    ResponseEntity<ClaimView> submit(@PathVariable long caseId,
                                     @Parameter(hidden = true) @RequestParam(required = false) String category,
                                     @Parameter(hidden = true) @RequestParam(required = false) String expenseDate,
                                     @Parameter(hidden = true) @RequestParam(required = false) String merchant,
                                     @Parameter(hidden = true) @RequestParam(required = false) String currency,
                                     @Parameter(hidden = true) @RequestParam(required = false) String amount,
                                     @Parameter(hidden = true) @RequestPart(name = "file", required = false) MultipartFile file,
                                     Authentication user) throws IOException {
        RelocationCase c = cases.readable(caseId, access.scope(user));
        boolean own = user.getName().equals(c.getEmployeeUserId());
        if (!own && !hasAny(user, ON_BEHALF)) {
            // an employee reads only their own cases: another's is not found
            throw new org.relocation.relocationcase.CaseNotFoundException(caseId);
        }
        byte[] content = file == null ? null : file.getBytes();
        ExpenseClaim claim = claims.submit(caseId, new ExpenseClaims.Submission(category, expenseDate, merchant, currency, amount, content,
                file == null ? null : file.getContentType()), user.getName());
        return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/expense-claims/" + claim.getId() + "/receipt"))
                .body(ClaimView.of(claim, c.getCaseNumber()));
    }

    @GetMapping("/api/cases/{caseId}/expense-claims")
    @PreAuthorize(READERS)
    @Operation(operationId = "listExpenseClaims", summary = "The case's expense claims, oldest first, with their policy check and duplicate flags",
            description = "The case's employee their own; mobility specialists the cases they may read; finance, hr-admin and admin every "
                    + "case's. 404 unknown case or one beyond the caller's.")
    CaseClaimsView list(@PathVariable long caseId, Authentication user) {
        RelocationCase c = readable(caseId, user);
        return new CaseClaimsView(c.getId(), c.getCaseNumber(), claims.ofCase(caseId).stream().map(x -> ClaimView.of(x, c.getCaseNumber())).toList());
    }

    @GetMapping("/api/cases/{caseId}/expense-claims/{claimId}")
    @PreAuthorize(READERS)
    @Operation(operationId = "getExpenseClaim", summary = "One expense claim: its policy check, duplicate flags, route and decision",
            description = "Status SUBMITTED until its approval process (relocation-expense-claim) decides it: APPROVED with the ledger's "
                    + "reimbursement (paymentId) and, taxable, the gross-up; REJECTED with the reason (decisionComment). The case's employee "
                    + "their own; mobility specialists the cases they may read; finance, hr-admin and admin every case's. 404 unknown case or "
                    + "claim, or one beyond the caller's; 400 naming claimId when it is not a number.")
    ClaimView get(@PathVariable long caseId, @PathVariable long claimId, Authentication user) {
        RelocationCase c = readable(caseId, user);
        return ClaimView.of(claims.get(caseId, claimId), c.getCaseNumber());
    }

    @GetMapping("/api/cases/{caseId}/expense-claims/{claimId}/receipt")
    @PreAuthorize(READERS)
    @Operation(operationId = "downloadExpenseReceipt", summary = "Download a claim's receipt, decrypted, as an attachment (logged)",
            description = "The case's employee, mobility specialists, finance and admins; anyone else who reads the case gets 403 and the "
                    + "refusal is logged. 404 unknown case or claim, or one beyond the caller's.")
    @ApiResponse(responseCode = "200", description = "The receipt as an attachment (Content-Disposition), its detected type", content = {
            @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = MediaType.IMAGE_JPEG_VALUE, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = MediaType.IMAGE_PNG_VALUE, schema = @Schema(type = "string", format = "binary"))})
    ResponseEntity<byte[]> receipt(@PathVariable long caseId, @PathVariable long claimId, Authentication user) {
        readable(caseId, user);
        ExpenseClaims.Receipt r = claims.receipt(caseId, claimId, new ExpenseClaims.Requester(user.getName(), hasAny(user, RECEIPT_ROLES)));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(r.type().contentType()))
                .contentLength(r.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(r.fileName()).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(r.content());
    }

    @GetMapping("/api/cases/{caseId}/expense-claims/{claimId}/receipt/access-log")
    @PreAuthorize("hasAnyRole('mobility-specialist','admin')")
    @Operation(operationId = "listExpenseReceiptAccess", summary = "Who uploaded, downloaded or was refused a claim's receipt, oldest first",
            description = "Mobility specialists and admins. 404 unknown case or claim.")
    List<AccessView> accessLog(@PathVariable long caseId, @PathVariable long claimId, Authentication user) {
        readable(caseId, user);
        return claims.accessLog(caseId, claimId).stream().map(a -> new AccessView(a.getOccurredAt(), a.getActor(), a.getAction().name(),
                a.getOutcome())).toList();
    }

    private RelocationCase readable(long caseId, Authentication user) {
        return cases.readable(caseId, hasAny(user, READ_ALL) ? CaseScope.everything() : access.scope(user));
    }

    private static boolean hasAny(Authentication user, Set<String> roles) {
        return user.getAuthorities().stream().anyMatch(a -> roles.stream().anyMatch(r -> a.getAuthority().equals("ROLE_" + r)));
    }
}
