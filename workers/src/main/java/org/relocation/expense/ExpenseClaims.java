package org.relocation.expense;

import org.relocation.document.DocumentCipher;
import org.relocation.document.DocumentService;
import org.relocation.document.FileType;
import org.relocation.document.InvalidDocumentFileException;
import org.relocation.fx.AppliedRate;
import org.relocation.fx.ExchangeRateService;
import org.relocation.fx.MissingExchangeRateException;
import org.relocation.ledger.PaymentCategory;
import org.relocation.ledger.PaymentLedger;
import org.relocation.ledger.PaymentRefusedException;
import org.relocation.policy.PolicyService;
import org.relocation.policyexception.PolicyException;
import org.relocation.policyexception.PolicyExceptionService;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.CaseStatus;
import org.relocation.relocationcase.Money;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.relocationcase.TimelineEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.money.CurrencyUnit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Expense claims of a case: submitted by the case's employee or a specialist on their behalf with a receipt, checked
 * field by field (every bad field named at once, nothing written and no file stored), converted into the reporting
 * currency at the rate of the expense date, checked against what is left of the category's policy cap
 * ({@link PaymentLedger#remainingCap}) and flagged when they may duplicate an earlier claim of the case (same receipt
 * file, or same date, amount, currency and merchant: a person decides, nothing is refused for it). A lump-sum case
 * reimburses nothing: its claims are refused with a sentence. The receipt is checked like a document's file (PDF,
 * JPEG or PNG by content, at most 10 MB) and stored encrypted with the documents' key; every upload, download and
 * refusal is in the receipt's access log.
 * <p>
 * Built by {@link ExpenseConfiguration} in the server only (the standalone workers hold no document key).
 */
public class ExpenseClaims {

    static final int MERCHANT_MAX = 100;
    /** Claims are for expenses of the last two years (the ledger's oldest due date). */
    static final int MAX_AGE_YEARS = 2;
    /** Categories that are allowances computed by policy, not expenses anyone pays first: never claimed. */
    static final List<PaymentCategory> NOT_CLAIMABLE = List.of(PaymentCategory.COST_OF_LIVING);

    private static final Logger log = LoggerFactory.getLogger(ExpenseClaims.class);

    private final ExpenseClaimRepository claims;
    private final ExpenseReceiptChunkRepository chunks;
    private final ExpenseReceiptAccessRepository accessLog;
    private final CaseService cases;
    private final PaymentLedger ledger;
    private final ExchangeRateService rates;
    private final DocumentCipher cipher;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnly;
    private final PolicyService policy;
    private final PolicyExceptionService exceptions;
    private final Optional<ExpenseClaimProcess> process;

    ExpenseClaims(ExpenseClaimRepository claims, ExpenseReceiptChunkRepository chunks, ExpenseReceiptAccessRepository accessLog,
                  CaseService cases, PaymentLedger ledger, ExchangeRateService rates, DocumentCipher cipher, Clock clock,
                  PlatformTransactionManager transactions, PolicyService policy, PolicyExceptionService exceptions,
                  Optional<ExpenseClaimProcess> process) {
        this.policy = policy;
        this.exceptions = exceptions;
        this.process = process;
        this.claims = claims;
        this.chunks = chunks;
        this.accessLog = accessLog;
        this.cases = cases;
        this.ledger = ledger;
        this.rates = rates;
        this.cipher = cipher;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** What a submitter sends, as read from the request (strings: every field is checked here). */
    public record Submission(String category, String expenseDate, String merchant, String currency, String amount, byte[] receipt,
                             String receiptContentType) {
    }

    /** Who asks: the login, and whether their role lets them read any readable case's receipts (specialist, finance, admin). */
    public record Requester(String userId, boolean receiptRole) {
        public Requester {
            Objects.requireNonNull(userId, "userId");
        }
    }

    /** A decrypted receipt. */
    public record Receipt(ExpenseClaim claim, FileType type, byte[] content) {
        /** A file name made of the claim, never the submitter's file name. */
        public String fileName() {
            return "expense-claim-" + claim.getId() + "-receipt." + type.extension();
        }
    }

    /**
     * Checks and records a claim with its receipt, in one transaction. The caller has checked that the submitter may
     * act on the case (its employee, or a specialist who may read it).
     *
     * @throws InvalidExpenseClaimException  bad fields (each named), nothing written
     * @throws ExpenseClaimRefusedException  a lump-sum case, a case not running, or a case without a policy decision
     */
    public ExpenseClaim submit(Long caseId, Submission s, String actor) {
        return transaction.execute(tx -> {
            RelocationCase c = cases.get(caseId);
            Map<String, String> errors = new LinkedHashMap<>();
            Optional<PaymentCategory> category = category(s.category(), errors);
            LocalDate date = expenseDate(s.expenseDate(), errors);
            String merchant = merchant(s.merchant(), errors);
            Optional<CurrencyUnit> currency = ExchangeRateService.currency(s.currency());
            if (s.currency() == null || s.currency().isBlank()) {
                errors.put("currency", "is required: an ISO 4217 code such as EUR");
            } else if (currency.isEmpty()) {
                errors.put("currency", "must be an ISO 4217 currency code such as EUR");
            }
            BigDecimal amount = amount(s.amount(), currency.orElse(null), errors);
            FileType type = null;
            if (s.receipt() == null) {
                errors.put("file", "is required: send the receipt as the multipart/form-data part named file");
            } else {
                try {
                    type = DocumentService.checkFile(s.receipt(), s.receiptContentType());
                } catch (InvalidDocumentFileException e) {
                    errors.put("file", e.getMessage());
                }
            }
            AppliedRate rate = null;
            if (errors.isEmpty()) {
                try {
                    rate = rates.rate(currency.get(), rates.reportingCurrency(), date);
                } catch (MissingExchangeRateException e) {
                    errors.put("currency", "has no exchange rate to " + rates.reportingCurrency().getCurrencyCode()
                            + " in effect on the expense date " + date + ": finance loads rates");
                }
            }
            if (!errors.isEmpty()) {
                throw new InvalidExpenseClaimException(errors);
            }
            if (c.getStatus() != CaseStatus.IN_PROGRESS && c.getStatus() != CaseStatus.COMPLETED) {
                throw new ExpenseClaimRefusedException("Case " + c.getCaseNumber() + " is " + c.getStatus().name().toLowerCase(Locale.ROOT)
                        + ": it takes no expense claims");
            }
            boolean lumpSum;
            Optional<Money> remaining;
            try {
                lumpSum = ledger.isLumpSum(caseId);
                remaining = lumpSum ? Optional.empty() : ledger.remainingCap(caseId, category.get(), date);
            } catch (PaymentRefusedException e) {
                throw new ExpenseClaimRefusedException(e.getMessage());
            }
            if (lumpSum) {
                throw new ExpenseClaimRefusedException("Case " + c.getCaseNumber() + " has a lump-sum package: the employee was paid a lump sum "
                        + "for the move and is reimbursed nothing, so no expense claim is taken");
            }
            CurrencyUnit reporting = rates.reportingCurrency();
            BigDecimal reportingAmount = amount.multiply(rate.rate()).setScale(reporting.getDefaultFractionDigits(), RoundingMode.HALF_EVEN);
            boolean within = remaining.isEmpty() || reportingAmount.compareTo(remaining.get().amount()) <= 0;
            String note = within ? null : "The " + category.get().code() + " claim of " + reportingAmount.toPlainString() + " "
                    + reporting.getCurrencyCode() + " exceeds what is left of the policy cap on " + date + " ("
                    + remaining.get().amount().toPlainString() + " " + reporting.getCurrencyCode() + "): it needs a policy exception";

            BigDecimal policyAmount;
            try {
                policyAmount = reporting.getCurrencyCode().equals(PolicyService.POLICY_CURRENCY) ? reportingAmount
                        : rates.convert(amount, s.currency(), javax.money.Monetary.getCurrency(PolicyService.POLICY_CURRENCY), date);
            } catch (MissingExchangeRateException e) {
                throw new InvalidExpenseClaimException(Map.of("currency", "has no exchange rate to " + PolicyService.POLICY_CURRENCY
                        + " (the policy's currency) in effect on the expense date " + date + ": finance loads rates"));
            }
            PolicyService.ExpenseRouting routing = policy.expenseRoute(caseId, within, policyAmount);

            String sha256 = DocumentService.sha256Of(s.receipt());
            List<ExpenseClaim> earlier = claims.findByCaseIdOrderById(caseId);
            Long sameFile = earlier.stream().filter(e -> e.getReceiptSha256().equals(sha256)).map(ExpenseClaim::getId).findFirst().orElse(null);
            Long sameDetails = earlier.stream().filter(e -> e.getExpenseDate().equals(date) && e.getCurrency().equals(s.currency())
                            && e.getAmount().compareTo(amount) == 0 && normal(e.getMerchant()).equals(normal(merchant)))
                    .map(ExpenseClaim::getId).findFirst().orElse(null);

            String reference = UUID.randomUUID().toString();
            DocumentCipher.Sealed sealed = cipher.encrypt(s.receipt(), associatedData(reference));
            Instant now = clock.instant();
            ExpenseClaim claim = claims.save(new ExpenseClaim(
                    new ExpenseClaim.Claimed(caseId, category.get().code(), date, merchant, amount, s.currency(), reportingAmount,
                            reporting.getCurrencyCode(), rate.rate()),
                    within, note, remaining.map(Money::amount).orElse(null), sameFile, sameDetails,
                    new ExpenseClaim.Receipt(reference, type.contentType(), s.receipt().length, sha256, sealed.keyId(), sealed.iv()),
                    actor, now));
            chunks.store(claim.getId(), sealed.ciphertext());
            accessLog.save(new ExpenseReceiptAccess(caseId, claim.getId(), actor, ExpenseReceiptAccess.Action.UPLOAD,
                    "stored the receipt (" + type.contentType() + ", " + s.receipt().length + " bytes)", now));
            Long exceptionId = null;
            if (routing.route() == PolicyService.ExpenseRoute.EXCEPTION) {
                exceptionId = askException(c, claim, category.get(), within ? reportingAmount : reportingAmount.subtract(remaining.get().amount()),
                        reporting, actor).getId();
            }
            claim.routed(routing.route().name(), routing.reason(), exceptionId);
            Long exception = exceptionId;
            process.ifPresent(p -> claim.startedAs(p.start(c.getCaseNumber(), caseId, claim.getId(), routing.route().name(), exception)));
            cases.recordStep(caseId, TimelineEntry.Kind.STEP_COMPLETED, "expense-claim-submitted",
                    "Expense claim " + claim.getId() + " submitted: " + category.get().code(), null, actor);
            log.info("Case {}: expense claim {} ({}) submitted by {}{}", caseId, claim.getId(), category.get().code(), actor,
                    sameFile != null || sameDetails != null ? ", flagged as a possible duplicate" : "");
            return claim;
        });
    }

    /**
     * The policy exception a claim outside the policy asks for: the category's exception category, the part of the claim
     * the cap does not cover (reporting currency), the cap as the clause; decided by the HR lead in the claim's process.
     */
    private PolicyException askException(RelocationCase c, ExpenseClaim claim, PaymentCategory category, BigDecimal beyondCap,
                                         CurrencyUnit reporting, String actor) {
        return exceptions.requestDuringAssignment(c.getId(), new PolicyExceptionService.Request(category.exceptionCategory(),
                beyondCap.toPlainString(), reporting.getCurrencyCode(), "Cap " + category.code(),
                "Expense claim " + claim.getId() + " (" + category.code() + ", " + claim.getExpenseDate()
                        + ") exceeds what is left of the policy cap; asked when the claim was submitted"), actor);
    }

    /** The case's claims, oldest first. */
    public List<ExpenseClaim> ofCase(Long caseId) {
        return readOnly.execute(tx -> claims.findByCaseIdOrderById(caseId));
    }

    /** One claim of the case. */
    public ExpenseClaim get(Long caseId, Long claimId) {
        return readOnly.execute(tx -> find(caseId, claimId));
    }

    /**
     * The claim's receipt, decrypted; logged. The case's employee and the receipt roles may read it; anyone else is
     * refused and the refusal logged (committed) before it is reported.
     */
    public Receipt receipt(Long caseId, Long claimId, Requester who) {
        Object result = transaction.execute(tx -> {
            ExpenseClaim claim = find(caseId, claimId);
            RelocationCase c = cases.get(caseId);
            Instant now = clock.instant();
            if (!who.receiptRole() && !who.userId().equals(c.getEmployeeUserId())) {
                accessLog.save(new ExpenseReceiptAccess(caseId, claimId, who.userId(), ExpenseReceiptAccess.Action.DENIED,
                        "DOWNLOAD refused: neither the case's employee nor a role that reads receipts", now));
                log.warn("Case {}: download of the receipt of expense claim {} refused to {}", caseId, claimId, who.userId());
                return new ReceiptAccessDeniedException();
            }
            byte[] content = cipher.decrypt(new DocumentCipher.Sealed(claim.getReceiptKeyId(), claim.getReceiptIv(), chunks.ciphertext(claimId)),
                    associatedData(claim.getReceiptReference()));
            if (content.length != claim.getReceiptSizeBytes() || !DocumentService.sha256Of(content).equals(claim.getReceiptSha256())) {
                throw new IllegalStateException("the decrypted receipt of expense claim " + claimId + " does not match its recorded digest");
            }
            accessLog.save(new ExpenseReceiptAccess(caseId, claimId, who.userId(), ExpenseReceiptAccess.Action.DOWNLOAD, "served the receipt", now));
            return new Receipt(claim, FileType.detect(content).orElseThrow(), content);
        });
        if (result instanceof ReceiptAccessDeniedException denied) {
            throw denied;
        }
        return (Receipt) result;
    }

    /** The receipt's audit trail, oldest first. */
    public List<ExpenseReceiptAccess> accessLog(Long caseId, Long claimId) {
        return readOnly.execute(tx -> {
            find(caseId, claimId);
            return accessLog.findByClaimIdOrderByOccurredAtAscIdAsc(claimId);
        });
    }

    private ExpenseClaim find(Long caseId, Long claimId) {
        return claims.findById(claimId).filter(x -> x.getCaseId().equals(caseId)).orElseThrow(() -> new ExpenseClaimNotFoundException(caseId, claimId));
    }

    static byte[] associatedData(String receiptReference) {
        return ("expense-receipt:" + receiptReference).getBytes(StandardCharsets.UTF_8);
    }

    private static String normal(String merchant) {
        return merchant.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static Optional<PaymentCategory> category(String code, Map<String, String> errors) {
        List<String> claimable = PaymentCategory.codes().stream()
                .filter(x -> NOT_CLAIMABLE.stream().noneMatch(n -> n.code().equals(x))).toList();
        if (code == null || code.isBlank()) {
            errors.put("category", "is required: one of " + claimable);
            return Optional.empty();
        }
        Optional<PaymentCategory> c = PaymentCategory.fromCode(code).filter(x -> !NOT_CLAIMABLE.contains(x));
        if (c.isEmpty()) {
            errors.put("category", "must be one of " + claimable);
        }
        return c;
    }

    private LocalDate expenseDate(String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            errors.put("expenseDate", "is required (YYYY-MM-DD)");
            return null;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            errors.put("expenseDate", "must be a date written YYYY-MM-DD");
            return null;
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (d.isAfter(today)) {
            errors.put("expenseDate", "must not be in the future: claim an expense once it is paid");
        } else if (d.isBefore(today.minusYears(MAX_AGE_YEARS))) {
            errors.put("expenseDate", "must be within the last " + MAX_AGE_YEARS + " years");
        }
        return d;
    }

    private static String merchant(String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            errors.put("merchant", "is required: who was paid, as on the receipt");
            return null;
        }
        String m = value.trim();
        if (m.length() > MERCHANT_MAX || m.chars().anyMatch(Character::isISOControl)) {
            errors.put("merchant", "must be at most " + MERCHANT_MAX + " characters on one line");
            return null;
        }
        return m;
    }

    private static BigDecimal amount(String value, CurrencyUnit currency, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            errors.put("amount", "is required: the amount on the receipt, such as 120.50");
            return null;
        }
        BigDecimal a;
        try {
            a = new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            errors.put("amount", "must be a number such as 120.50");
            return null;
        }
        if (a.signum() <= 0) {
            errors.put("amount", "must be more than 0");
        } else if (a.compareTo(PaymentLedger.MAX_AMOUNT) > 0) {
            errors.put("amount", "must be at most " + PaymentLedger.MAX_AMOUNT.toPlainString());
        } else if (currency != null && a.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            errors.put("amount", "has more decimals than " + currency.getCurrencyCode() + " allows (" + currency.getDefaultFractionDigits() + ")");
        }
        return a;
    }
}
