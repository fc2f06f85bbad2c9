package org.relocation.apidocs;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.relocation.approval.ApprovalStep;
import org.relocation.document.DocumentAccess;
import org.relocation.immigration.CaseDocument;
import org.relocation.keydate.KeyDateKind;
import org.relocation.keydate.ReminderRecipient;
import org.relocation.policyexception.ExceptionCategory;
import org.relocation.policyexception.PolicyException;
import org.relocation.relocationcase.AssignmentType;
import org.relocation.relocationcase.CaseStatus;
import org.relocation.relocationcase.Relationship;
import org.relocation.relocationcase.TimelineEntry;
import org.relocation.vendor.ServiceOrder;
import org.relocation.vendor.ServiceType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What each field and parameter of the case API may hold, stated in the OpenAPI document: the values of every
 * closed set (taken from the Java enums and code lists the server checks against, so they cannot drift), patterns of
 * country and currency codes, lengths and ranges the validators enforce, the required fields of each request body,
 * and examples. Kept in one place rather than on the records, so the controllers stay as they are; a rule for a
 * field that no schema has is simply unused, and {@code ApiContractTest} fails for an enum-valued field left without
 * its values.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class ApiSchemaRules {

    /**
     * The phases of the shipped journey: the call activities of its process models (ApiContractTest compares them). A
     * process owner who deploys a model with a new call activity adds a phase: add it here too.
     */
    static final List<String> PHASES = List.of("intake", "approval", "immigration", "housing", "payroll", "benefits",
            "destination-services", "arrival", "closure", "permit-renewal");
    static final String COUNTRY = "^[A-Z]{2}$";
    static final String CURRENCY = "^[A-Z]{3}$";
    static final List<String> VENDOR_ANSWERS = List.of("CONFIRMED", "SUBMITTED", "INFO_REQUESTED", "APPROVED", "REFUSED");
    static final List<String> APPROVAL_DECISIONS = List.of("approve", "reject", "send-back");
    static final List<String> MESSAGE_STATUSES = List.of("RECORDED", "SENT");
    static final String MONTH = "^\\d{4}-(0[1-9]|1[0-2])$";

    /** Rules for a property of this name in any schema. */
    private static final Map<String, Consumer<Schema>> ANY = new HashMap<>();
    /** Rules for one schema's property ("Schema.property"), applied after those of {@link #ANY}. */
    private static final Map<String, Consumer<Schema>> ONE = new HashMap<>();
    /** The required properties of a schema. */
    private static final Map<String, List<String>> REQUIRED = new HashMap<>();

    static {
        ANY.put("assignmentType", values(names(AssignmentType.values())).andThen(example("LONG_TERM")));
        ANY.put("relationship", values(names(Relationship.values())));
        ANY.put("caseStatus", values(names(CaseStatus.values())));
        ANY.put("phase", values(PHASES).andThen(example("immigration")));
        ANY.put("currentPhases", values(PHASES));
        for (String country : List.of("nationality", "homeCountry", "hostCountry", "country")) {
            ANY.put(country, pattern(COUNTRY, "ISO 3166-1 alpha-2 country code").andThen(example(country.equals("nationality") ? "IN" : "DE")));
        }
        for (String currency : List.of("currency", "budgetCurrency", "baseSalaryCurrency", "costCurrency", "reportingCurrency",
                "baseCurrency", "quoteCurrency", "originalCurrency")) {
            ANY.put(currency, pattern(CURRENCY, "ISO 4217 currency code").andThen(example("EUR")));
        }
        ANY.put("caseNumber", pattern("^RC-\\d{4}-\\d{6}$", "The case number").andThen(example("RC-2027-000042")));
        ANY.put("costCentre", length(1, 40).andThen(example("CC-DE-100")));
        ANY.put("sha256", pattern("^[0-9a-f]{64}$", "SHA-256 of the plain file, hex"));
        ANY.put("serviceType", values(names(ServiceType.values())));
        ANY.put("quarter", pattern("^\\d{4}-Q[1-4]$", "Calendar quarter").andThen(example("2027-Q1")));

        // which status, decision, kind, category, action: each schema's own set
        ONE.put("CaseSummary.status", values(names(CaseStatus.values())));
        ONE.put("CaseDetails.status", values(names(CaseStatus.values())));
        ONE.put("ChecklistDocument.status", values(names(CaseDocument.Status.values())));
        ONE.put("ServiceOrder.status", values(names(ServiceOrder.Status.values())));
        ONE.put("Notification.status", values(MESSAGE_STATUSES));
        ONE.put("KeyDateReminder.status", values(MESSAGE_STATUSES));
        ONE.put("KeyDateReminder.recipientRole", values(names(ReminderRecipient.values())));
        ONE.put("PolicyException.status", values(names(PolicyException.Status.values())));
        ONE.put("DocumentReviewOutcome.status", values(List.of("VALIDATED", "REJECTED")));
        ONE.put("VendorCallback.status", values(VENDOR_ANSWERS));
        ONE.put("QuoteAnswer.status", values(java.util.List.of("QUOTED", "DECLINED")));
        ONE.put("CallbackAccepted.status", values(VENDOR_ANSWERS));
        ONE.put("ApprovalDecision.decision", values(APPROVAL_DECISIONS));
        ONE.put("DocumentReview.decision", values(List.of("accept", "reject")));
        ONE.put("TimelineEntry.kind", values(names(TimelineEntry.Kind.values())));
        // not the phases' set: a step or a task is recorded with the key of the process it ran in (JourneyListeners),
        // and a process owner may deploy more processes
        ONE.put("TimelineEntry.phase", s -> {
            s.setEnum(null);
            s.setExample("relocation-intake");
            s.setDescription("PHASE_ENTERED and PHASE_COMPLETED: the phase (intake, approval, immigration, ...); a step or task: "
                    + "the key of the process it ran in (relocation-intake, relocation-approval, ...); absent for a case event "
                    + "(open-ended: the deployed processes)");
        });
        ONE.put("DocumentAccess.action", values(names(DocumentAccess.Action.values())));
        ONE.put("CurrentDocumentFile.source", values(names(CaseDocument.FileSource.values())));
        ONE.put("RightToWorkCheck.basis", values(names(org.relocation.immigration.RightToWorkCheck.Basis.values())));
        ONE.put("CounselNote.kind", values(names(org.relocation.immigration.CounselNote.Kind.values())));
        ONE.put("CounselNote.refusalAction", values(names(org.relocation.immigration.CounselNote.RefusalAction.values())));
        ONE.put("PermitRenewal.action", values(names(org.relocation.immigration.PermitRenewal.Action.values())));
        ONE.put("PermitRenewal.keyDateKind", values(KeyDateKind.codes()).andThen(example("permit-expiry")));
        // the vendor register (/api/vendors): the service categories of ServiceType
        for (String schema : List.of("VendorRegistration", "VendorContractUpdate", "RegisteredVendor")) {
            ONE.put(schema + ".service", values(new ArrayList<>(org.relocation.vendor.ServiceType.categories())).andThen(example("housing")));
        }
        REQUIRED.put("SpecialistReassignment", List.of("userId", "reason"));
        ONE.put("SpecialistReassignment.userId", description("A user of the mobility-specialist role").andThen(example("specialist2")));
        ONE.put("SpecialistReassignment.reason", length(3, 500).andThen(example("Specialist on parental leave")));
        ONE.put("TravellerPermit.category", values(names(org.relocation.immigration.PermitRequirement.Category.values())));
        // open sets, on purpose: one kind per message the journey sends; cost categories come from the deployed policy tables
        ONE.put("Notification.kind", description("The kind of message, e.g. case-opened (open-ended: one per message the journey sends)"));
        ONE.put("EstimateLine.category", description("The cost category, e.g. housing (open-ended: from the deployed policy tables)"));
        ONE.put("OptionLine.category", description("The cost category, e.g. housing (open-ended: from the deployed policy tables)"));
        for (String s : List.of("PolicyException", "PolicyExceptionRequest", "CategorySummary")) {
            ONE.put(s + ".category", values(ExceptionCategory.codes()).andThen(example("housing")));
        }
        for (String s : List.of("UpcomingKeyDate", "KeyDateDetails", "CaseKeyDate", "KeyDateRegistration")) {
            ONE.put(s + ".kind", values(KeyDateKind.codes()).andThen(example("permit-expiry")));
        }

        // the case intake (POST /api/cases, POST /api/options-advice): IntakeValidator's rules
        REQUIRED.put("CaseIntake", List.of("employeeName", "employeeEmail", "employeeUserId", "nationality", "homeCountry", "homeCity",
                "hostCountry", "hostCity", "assignmentType", "startDate", "costCentre", "budgetAmount", "budgetCurrency",
                "gradeLevel", "baseSalaryAmount", "baseSalaryCurrency", "lineManagerUserId"));
        ONE.put("CaseIntake.lineManagerUserId", pattern("^[A-Za-z0-9._-]{1,64}$", "The login of the employee's line manager (manager role), "
                + "who decides the manager approval; not the employee").andThen(example("manager")));
        ONE.put("CaseIntake.specialistUserId", pattern("^[A-Za-z0-9._-]{1,64}$", "The mobility specialist who runs the case; absent: "
                + "the one with the fewest open cases").andThen(example("specialist")));
        ONE.put("CaseIntake.employeeName", length(1, 200).andThen(example("Priya Raman")));
        ONE.put("CaseIntake.employeeEmail", length(1, 254).andThen(s -> s.format("email").example("priya@example.com")));
        ONE.put("CaseIntake.employeeUserId", pattern("^[A-Za-z0-9._-]{1,64}$", "The employee's login").andThen(example("employee")));
        ONE.put("CaseIntake.homeCity", length(1, 100).andThen(example("London")));
        ONE.put("CaseIntake.hostCity", length(1, 100).andThen(example("Berlin")));
        ONE.put("CaseIntake.homeCountry", example("GB"));
        ONE.put("CaseIntake.startDate", example("2027-03-01"));
        ONE.put("CaseIntake.endDate", description("After startDate; required unless assignmentType is PERMANENT_TRANSFER "
                + "(open-ended: no end date)").andThen(example("2029-02-28")));
        ONE.put("CaseIntake.budgetAmount", range("0", "100000000").andThen(s -> s.multipleOf(new BigDecimal("0.01")).example(250000)));
        ONE.put("CaseIntake.gradeLevel", range("1", "12").andThen(description("1-12, 12 most senior")).andThen(example(6)));
        ONE.put("CaseIntake.baseSalaryAmount", range("0.01", "100000000").andThen(s -> s.multipleOf(new BigDecimal("0.01"))
                .description("Annual base salary (personal data, never in a process variable)").example(90000)));
        ONE.put("CaseIntake.dependents", s -> s.maxItems(12));
        REQUIRED.put("Dependent", List.of("relationship", "fullName", "nationality"));
        ONE.put("Dependent.relationship", values(List.of(Relationship.PARTNER.name(), Relationship.CHILD.name())).andThen(example("PARTNER")));
        ONE.put("Dependent.fullName", length(1, 200).andThen(example("Ravi Raman")));
        ONE.put("Dependent.birthDate", description("Not after the case's startDate").andThen(example("1989-04-02")));

        REQUIRED.put("PolicyExceptionRequest", List.of("category", "amount", "currency", "policyClause", "justification"));
        ONE.put("PolicyExceptionRequest.amount", s -> {
            s.setType(null);
            s.setTypes(null);
            s.setOneOf(List.of(new NumberSchema().exclusiveMinimumValue(BigDecimal.ZERO).maximum(new BigDecimal("10000000")),
                    new StringSchema().pattern("^\\d+(\\.\\d+)?$")));
            s.description("More than 0, at most 10000000, with at most the currency's decimals: a JSON number or a decimal string");
            s.example("2500.00");
        });
        ONE.put("PolicyExceptionRequest.policyClause", pattern("^[A-Za-z0-9][A-Za-z0-9 .\\-/§()]{0,39}$", "The policy clause departed from")
                .andThen(example("GM-4.2")));
        ONE.put("PolicyExceptionRequest.justification", length(10, 2000).andThen(example("Family of five: no three-bedroom flat in the band")));

        REQUIRED.put("KeyDateRegistration", List.of("caseId", "kind", "dueDate"));
        ONE.put("KeyDateRegistration.travellerId", description("A traveller of the case; absent: the employee"));
        ONE.put("KeyDateRegistration.dueDate", description("Not in the past, at most ten years ahead").andThen(example("2027-09-30")));
        ONE.put("KeyDateRegistration.note", length(0, 200).andThen(description("One line")));

        REQUIRED.put("ApproverAbsenceRegistration", List.of("userId", "firstDay", "lastDay", "delegateId"));
        ONE.put("ApproverAbsenceRegistration.userId", example("manager"));
        ONE.put("ApproverAbsenceRegistration.delegateId", description("Someone else sharing an approver role of userId, not away then")
                .andThen(example("manager2")));
        ONE.put("ApproverAbsenceRegistration.lastDay", description("Not in the past, not before firstDay, at most 366 days after it"));
        ONE.put("ApproverAbsenceRegistration.note", length(0, 500));

        REQUIRED.put("ApprovalDelegation", List.of("to", "reason"));
        ONE.put("ApprovalDelegation.to", description("A user in the task's approver role").andThen(example("manager2")));
        ONE.put("ApprovalDelegation.reason", length(3, 500).andThen(example("The approver is on leave until Monday")));

        REQUIRED.put("DocumentReview", List.of("decision"));
        ONE.put("DocumentReview.reason", length(1, 500).andThen(description("Required to reject: what the employee must change")));

        REQUIRED.put("ExchangeRateLoad", List.of("source", "rates"));
        ONE.put("ExchangeRateLoad.source", length(1, 100).andThen(example("ECB reference rates 2027-01-04")));
        ONE.put("ExchangeRateLoad.rates", s -> s.minItems(1).maxItems(1000));
        REQUIRED.put("ExchangeRateRow", List.of("baseCurrency", "quoteCurrency", "rate", "effectiveFrom"));
        ONE.put("ExchangeRateRow.rate", s -> s.exclusiveMinimumValue(BigDecimal.ZERO).maximum(new BigDecimal("1000000"))
                .description("1 baseCurrency = rate quoteCurrency; at most 10 decimals").example(1.085));
        ONE.put("ExchangeRateRow.quoteCurrency", example("USD"));

        REQUIRED.put("VendorCallback", List.of("reference", "status"));
        REQUIRED.put("QuoteAnswer", List.of("reference", "status"));

        // answers: what is always there
        REQUIRED.put("OpenedCase", List.of("id", "caseNumber", "processInstanceId"));
        REQUIRED.put("CaseSummary", List.of("id", "caseNumber", "status", "employeeName", "homeCountry", "hostCountry", "hostCity",
                "assignmentType", "startDate", "currentPhases", "createdAt", "contacts"));
        REQUIRED.put("CurrentUser", List.of("userId", "roles"));
        REQUIRED.put("CaseDetails", List.of("id", "caseNumber", "status", "employeeName", "employeeEmail", "employeeUserId", "homeCountry",
                "homeCity", "hostCountry", "hostCity", "assignmentType", "startDate", "currentPhases", "phases", "travellers",
                "openTasks", "timeline", "serviceOrders", "notifications", "createdAt"));
        REQUIRED.put("Money", List.of("amount", "currency"));
        REQUIRED.put("Traveller", List.of("id", "relationship"));
        REQUIRED.put("CounselNote", List.of("kind", "travellerId", "writtenBy", "writtenAt"));
        REQUIRED.put("PermitRenewal", List.of("keyDateKind", "travellerId", "previousExpiry", "action", "recordedBy", "recordedAt"));
        REQUIRED.put("PolicyException", List.of("id", "caseId", "caseNumber", "category", "amount", "currency", "policyClause",
                "justification", "status", "requestedBy", "requestedAt"));
        REQUIRED.put("UpcomingKeyDate", List.of("id", "caseId", "caseNumber", "caseStatus", "kind", "dueDate"));
        REQUIRED.put("KeyDateDetails", List.of("id", "caseId", "caseNumber", "kind", "dueDate", "timers", "reminders"));
        REQUIRED.put("DecisionLog", List.of("caseId", "caseNumber", "verified", "entries"));
        REQUIRED.put("DecisionLogEntry", List.of("sequence", "kind", "subject", "summary", "details", "actor", "occurredAt", "hash"));
        REQUIRED.put("DocumentFile", List.of("documentId", "version", "contentType", "sizeBytes", "sha256", "uploadedBy", "uploadedAt"));
        REQUIRED.put("ExchangeRate", List.of("id", "baseCurrency", "quoteCurrency", "rate", "effectiveFrom", "source", "loadedBy", "loadedAt"));
        REQUIRED.put("CallbackAccepted", List.of("caseNumber", "status"));
        REQUIRED.put("DocumentReviewOutcome", List.of("documentId", "status"));
        REQUIRED.put("ApprovalDelegated", List.of("taskId", "assignee", "step"));
        // the phases' domain records (CaseDetails.intakeReviews ... closureApproval)
        REQUIRED.put("IntakeReview", List.of("verifiedBy", "verifiedAt"));
        REQUIRED.put("KickoffCall", List.of("recordedBy", "recordedAt"));
        REQUIRED.put("PayrollSetup", List.of("payrollMode", "confirmedBy", "confirmedAt"));
        REQUIRED.put("BenefitsEnrolment", List.of("confirmedBy", "confirmedAt"));
        REQUIRED.put("InternationalCoverage", List.of("arrangedBy", "arrangedAt"));
        REQUIRED.put("ClosureApproval", List.of("approvedBy", "approvedAt"));
        ONE.put("BenefitsEnrolment.healthPlan", values(org.relocation.benefits.HealthPlan.codes()).andThen(example("host-national")));
        ONE.put("BenefitsEnrolment.pensionContinuation", values(org.relocation.benefits.PensionContinuation.codes()).andThen(example("home")));
        ONE.put("ApprovalDelegated.step", values(Arrays.stream(ApprovalStep.values()).map(ApprovalStep::taskKey).toList())
                .andThen(description("The approval task's key")));
        ONE.put("DocumentFile.contentType", values(List.of("application/pdf", "image/jpeg", "image/png")));
        ONE.put("CurrentDocumentFile.contentType", values(List.of("application/pdf", "image/jpeg", "image/png")));
        ONE.put("DocumentFile.sizeBytes", range("1", "10485760"));

        // the payments ledger (ledger/web): a case's payments, a one-off payment, finance's moves, the ledger and chargebacks
        ANY.put("month", pattern(MONTH, "Calendar month (YYYY-MM)").andThen(example("2027-03")));
        ONE.put("MobilityPayment.kind", values(names(org.relocation.ledger.PaymentKind.values())).andThen(example("ALLOWANCE")));
        ONE.put("MobilityPayment.status", values(names(org.relocation.ledger.PaymentStatus.values())).andThen(example("PLANNED")));
        ONE.put("MobilityPayment.direction", values(names(org.relocation.ledger.PaymentDirection.values())).andThen(description(
                "OUTGOING: the company pays; INCOMING: a RECOVERY, money the employee owes (a tax equalisation settlement owed by the "
                + "employee), deducted through payroll. Amounts are positive either way; an INCOMING one counts negative in committed, "
                + "actual and the chargebacks, and uses no policy cap")).andThen(example("OUTGOING")));
        for (String s : List.of("MobilityPayment", "OneOffPaymentRequest")) {
            ONE.put(s + ".category", values(org.relocation.ledger.PaymentCategory.codes()).andThen(example("housing")));
            ONE.put(s + ".route", values(names(org.relocation.ledger.PaymentRoute.values())).andThen(example("PAYROLL")));
            ONE.put(s + ".description", length(0, 200).andThen(description("One line")));
        }
        ONE.put("MobilityPayment.sourceReference", description("The instruction version (allowance), service order reference (vendor "
                + "invoice), expense claim id (reimbursement), TAX-SETTLEMENT-<id> (recovery), or ONE-OFF").andThen(example("PI-42-v2")));
        ONE.put("MobilityPayment.cancelReason", length(1, 500));
        REQUIRED.put("MobilityPayment", List.of("id", "caseId", "kind", "category", "sourceReference", "amount", "currency", "reportingAmount",
                "reportingCurrency", "rate", "rateOn", "route", "taxable", "dueDate", "status", "direction", "createdBy", "createdAt"));
        REQUIRED.put("OneOffPaymentRequest", List.of("category", "amount", "currency", "dueDate", "taxable"));
        ONE.put("OneOffPaymentRequest.amount", s -> s.exclusiveMinimumValue(BigDecimal.ZERO).maximum(new BigDecimal("10000000"))
                .description("More than 0, at most 10000000, with at most the currency's decimals").example(1500));
        ONE.put("OneOffPaymentRequest.dueDate", description("Two years back to ten years ahead; its rate converts the amount").andThen(example("2027-04-01")));
        ONE.put("OneOffPaymentRequest.taxable", description("Taxable income of the employee (route PAYROLL by default)"));
        ONE.put("OneOffPaymentRequest.costCentre", description("Default: the case's cost centre"));
        ONE.put("OneOffPaymentRequest.policyExceptionId", description("An approved policy exception of the case for this category: lifts "
                + "the category's cap by its amount, and the budget check"));
        REQUIRED.put("PaymentSettlement", List.of("paidOn"));
        ONE.put("PaymentSettlement.paidOn", description("The day the money left; not in the future").andThen(example("2027-04-01")));
        REQUIRED.put("PaymentCancellation", List.of("reason"));
        ONE.put("PaymentCancellation.reason", length(1, 500).andThen(example("Paid twice by mistake: the second one is cancelled")));
        REQUIRED.put("CasePayments", List.of("caseId", "caseNumber", "currency", "committed", "actual", "months", "payments"));
        REQUIRED.put("PaymentMonth", List.of("month", "committed", "actual"));
        REQUIRED.put("LedgerReport", List.of("currency", "from", "to", "months", "costCentres", "totals"));
        ONE.put("LedgerReport.from", pattern(MONTH, "First month of the period (YYYY-MM)").andThen(example("2027-01")));
        ONE.put("LedgerReport.to", pattern(MONTH, "Last month of the period (YYYY-MM)").andThen(example("2027-12")));
        REQUIRED.put("LedgerMonth", List.of("costCentre", "month", "committed", "actual", "payments"));
        REQUIRED.put("LedgerCostCentre", List.of("budget", "committed", "actual", "variance", "periodCommitted", "periodActual", "cases"));
        ONE.put("LedgerCostCentre.costCentre", description("Absent in the totals over all cost centres"));
        REQUIRED.put("MonthlyChargeback", List.of("month", "currency", "costCentres", "total"));
        REQUIRED.put("CostCentreChargeback", List.of("costCentre", "amount", "payments", "cases"));
        REQUIRED.put("ChargebackCase", List.of("caseNumber", "amount", "payments"));

        // expense claims (expense/web): submitted with a receipt, converted, checked against the cap, flagged as duplicates
        List<String> claimable = org.relocation.ledger.PaymentCategory.codes().stream()
                .filter(c -> !c.equals(org.relocation.ledger.PaymentCategory.COST_OF_LIVING.code())).toList();
        for (String s : List.of("ExpenseClaimSubmission", "ExpenseClaim")) {
            ONE.put(s + ".category", values(claimable).andThen(example("travel"))
                    .andThen(description("A policy category of the payments ledger (cost-of-living is an allowance, never claimed)")));
            ONE.put(s + ".merchant", length(1, 100).andThen(example("Lufthansa")).andThen(description("Who was paid, as on the receipt; one line")));
            ONE.put(s + ".expenseDate", description("The day the expense was paid: within the last two years, not in the future; "
                    + "its exchange rate converts the amount").andThen(example("2026-11-20")));
        }
        ONE.put("ExpenseClaimSubmission.amount", s -> s.exclusiveMinimumValue(BigDecimal.ZERO).maximum(new BigDecimal("10000000"))
                .description("More than 0, at most 10000000, with at most the currency's decimals").example(420.5));
        REQUIRED.put("ExpenseClaimSubmission", List.of("category", "expenseDate", "merchant", "currency", "amount", "file"));
        ONE.put("ExpenseClaim.status", values(names(org.relocation.expense.ExpenseClaim.Status.values())).andThen(example("SUBMITTED")));
        ONE.put("ExpenseClaim.withinPolicy", description("Whether the reporting amount fitted what was left of the category's policy cap "
                + "on the expense date when submitted; false: it needs a policy exception (policyNote says why)"));
        ONE.put("ExpenseClaim.remainingCap", description("What was left of the category's cap (reporting currency) before this claim; "
                + "absent when the category has no cap"));
        ONE.put("ExpenseClaim.duplicateReceiptOf", description("An earlier claim of the case with the same receipt file (SHA-256)"));
        ONE.put("ExpenseClaim.duplicateDetailsOf", description("An earlier claim of the case with the same expense date, amount, "
                + "currency and merchant"));
        ONE.put("ExpenseClaim.possibleDuplicate", description("Flagged for the approver, never refused: duplicateReceiptOf or "
                + "duplicateDetailsOf is set"));
        REQUIRED.put("ExpenseClaim", List.of("id", "caseId", "caseNumber", "category", "expenseDate", "merchant", "amount", "currency",
                "reportingAmount", "reportingCurrency", "rate", "withinPolicy", "possibleDuplicate", "receipt", "status", "submittedBy",
                "submittedAt"));
        ONE.put("ExpenseReceipt.contentType", values(List.of("application/pdf", "image/jpeg", "image/png")));
        ONE.put("ExpenseReceipt.url", description("Where the receipt is downloaded (logged)")
                .andThen(example("/api/cases/42/expense-claims/7/receipt")));
        REQUIRED.put("ExpenseReceipt", List.of("contentType", "sizeBytes", "sha256", "url"));
        REQUIRED.put("CaseExpenseClaims", List.of("caseId", "caseNumber", "claims"));
        ONE.put("ExpenseReceiptAccess.action", values(names(org.relocation.expense.ExpenseReceiptAccess.Action.values())).andThen(example("DOWNLOAD")));
        REQUIRED.put("ExpenseReceiptAccess", List.of("at", "actor", "action", "outcome"));
    }

    private ApiSchemaRules() {
    }

    static void apply(Map<String, Schema> schemas) {
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        schemas.forEach((name, schema) -> {
            if (schema.getProperties() != null) {
                schema.getProperties().replaceAll((property, value) -> {
                    Schema p = (Schema) value;
                    if (p.get$ref() != null) {
                        return p;
                    }
                    if (!seen.add(p)) {
                        p = copy(p); // one schema object serving two properties: a rule for one must not change the other
                        seen.add(p);
                    }
                    Consumer<Schema> any = ANY.get((String) property);
                    if (any != null) {
                        any.accept(p);
                    }
                    Consumer<Schema> one = ONE.get(name + "." + property);
                    if (one != null) {
                        one.accept(p);
                    }
                    return p;
                });
            }
            List<String> required = REQUIRED.get(name);
            if (required != null) {
                schema.setRequired(new ArrayList<>(required));
            }
        });
    }

    /** Query parameters: the same sets and patterns as the fields, and each list's paging limits. */
    static void applyToParameters(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        String id = operation.getOperationId();
        for (Parameter parameter : operation.getParameters()) {
            if (parameter.getSchema() == null || !"query".equals(parameter.getIn())) {
                continue;
            }
            // springdoc shares one schema object among parameters of one type: change a copy of it
            Schema s = copy(parameter.getSchema());
            parameter.setSchema(s);
            switch (parameter.getName()) {
                case "status" -> values("searchPolicyExceptions".equals(id) ? names(PolicyException.Status.values())
                        : names(CaseStatus.values())).accept(s);
                case "phase" -> values(PHASES).accept(s);
                case "hostCountry", "country" -> pattern(COUNTRY, null).accept(s);
                case "service" -> values(new ArrayList<>(org.relocation.vendor.ServiceType.categories())).accept(s);
                case "base", "quote" -> pattern(CURRENCY, null).accept(s);
                case "category" -> values(ExceptionCategory.codes()).accept(s);
                case "kind" -> values(KeyDateKind.codes()).accept(s);
                case "scope" -> values(List.of("mine", "team")).accept(s);
                case "costCentre" -> length(1, 40).accept(s);
                case "month" -> pattern(MONTH, "Calendar month (YYYY-MM)").accept(s);
                case "from", "to" -> {
                    if ("getPaymentsLedger".equals(id) || "exportPaymentsLedger".equals(id)) {
                        pattern(MONTH, "Calendar month (YYYY-MM)").accept(s);
                    }
                }
                case "page" -> s.minimum(BigDecimal.ZERO);
                case "size" -> s.minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(
                        "listExchangeRates".equals(id) || "searchPolicyExceptions".equals(id) ? 200 : 100));
                default -> {
                }
            }
        }
    }

    /** A shallow copy of a parameter's or property's own schema: type, format, default, limits, values, items. */
    static Schema copy(Schema s) {
        Schema c = new Schema();
        c.setType(s.getType());
        c.setTypes(s.getTypes() == null ? null : new java.util.LinkedHashSet<>(s.getTypes()));
        c.setFormat(s.getFormat());
        c.setDefault(s.getDefault());
        c.setDescription(s.getDescription());
        if (s.getExample() != null) {
            c.setExample(s.getExample()); // a null example set is written out as "example": null
        }
        c.setEnum(s.getEnum() == null ? null : new ArrayList<>(s.getEnum()));
        c.setPattern(s.getPattern());
        c.setMinLength(s.getMinLength());
        c.setMaxLength(s.getMaxLength());
        c.setMinimum(s.getMinimum());
        c.setMaximum(s.getMaximum());
        c.setExclusiveMinimumValue(s.getExclusiveMinimumValue());
        c.setExclusiveMaximumValue(s.getExclusiveMaximumValue());
        c.setMinItems(s.getMinItems());
        c.setMaxItems(s.getMaxItems());
        c.setItems(s.getItems() == null ? null : s.getItems().get$ref() != null ? s.getItems() : copy(s.getItems()));
        c.setNullable(s.getNullable());
        c.setReadOnly(s.getReadOnly());
        c.setWriteOnly(s.getWriteOnly());
        c.setAdditionalProperties(s.getAdditionalProperties());
        c.setProperties(s.getProperties());
        c.setRequired(s.getRequired());
        c.set$ref(s.get$ref());
        return c;
    }

    static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static Consumer<Schema> values(List<String> values) {
        return s -> {
            Schema target = s.getItems() != null ? s.getItems() : s;
            target.setEnum(new ArrayList<>(values));
        };
    }

    private static Consumer<Schema> pattern(String pattern, String description) {
        return s -> {
            s.setPattern(pattern);
            if (description != null && s.getDescription() == null) {
                s.setDescription(description);
            }
        };
    }

    private static Consumer<Schema> length(int min, int max) {
        return s -> {
            if (min > 0) {
                s.setMinLength(min);
            }
            s.setMaxLength(max);
        };
    }

    private static Consumer<Schema> range(String min, String max) {
        return s -> {
            s.setMinimum(new BigDecimal(min));
            s.setMaximum(new BigDecimal(max));
        };
    }

    private static Consumer<Schema> example(Object example) {
        return s -> s.setExample(example);
    }

    private static Consumer<Schema> description(String description) {
        return s -> s.setDescription(s.getDescription() == null ? description : s.getDescription() + " " + description);
    }
}
