package org.relocation.casefile.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;

import org.relocation.approval.ApprovalDecision;
import org.relocation.document.FileSummary;
import org.relocation.estimate.CostEstimate;
import org.relocation.estimate.CostEstimateLine;
import org.relocation.immigration.CaseDocument;
import org.relocation.immigration.CounselNote;
import org.relocation.immigration.PermitRenewal;
import org.relocation.keydate.KeyDate;
import org.relocation.immigration.RightToWorkCheck;
import org.relocation.notification.Notification;
import org.relocation.relocationcase.CasePhase;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.relocationcase.TimelineEntry;
import org.relocation.relocationcase.Traveller;
import org.relocation.identity.CaseFields;
import org.relocation.relocationcase.TravellerPermit;
import org.relocation.vendor.ServiceOrder;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** JSON shapes of the case API. */
final class CaseViews {

    private CaseViews() {
    }

    static final String FINANCIALS = "Absent for the employee (field group FINANCIALS).";
    static final String SALARY = "Only for finance, hr-admin and admin (field group SALARY); absent otherwise.";
    static final String PERSONAL = "Only for mobility-specialist, hr-admin, admin and the case's own employee (field group PERSONAL); absent otherwise.";
    static final String APPROVALS = "Absent for the employee (field group APPROVALS).";
    static final String NOTES = "Free text: only for mobility-specialist, hr-admin, hr-lead and admin (field group NOTES); absent otherwise.";

    @Schema(name = "OpenedCase")
    record Created(Long id, String caseNumber, String processInstanceId) {
    }

    @Schema(name = "Money")
    record MoneyView(BigDecimal amount, String currency) {
    }

    @Schema(name = "CaseSummary")
    record Summary(Long id, String caseNumber, String status, String employeeName, String homeCountry, String hostCountry,
                   String hostCity, String assignmentType, LocalDate startDate, LocalDate endDate, List<String> currentPhases,
                   Instant createdAt, @Schema(description = "The case's specialist and line manager, where named") ContactsView contacts) {
    }

    /** A traveller; name, nationality, birth date and passport only for readers of personal details, absent for others. */
    @Schema(name = "Traveller")
    record TravellerView(Long id, String relationship,
                         @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = PERSONAL) String fullName,
                         @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = PERSONAL) String nationality,
                         @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = PERSONAL) LocalDate birthDate,
                         Boolean permitRequired, PermitView permit,
                         @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = PERSONAL) Boolean passportOnFile,
                         @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = PERSONAL) LocalDate passportExpiry) {
        static TravellerView of(Traveller t, boolean personal) {
            if (!personal) {
                return new TravellerView(t.getId(), t.getRelationship().name(), null, null, null, t.getPermitRequired(),
                        PermitView.of(t.getPermit()), null, null);
            }
            return new TravellerView(t.getId(), t.getRelationship().name(), t.getFullName(), t.getNationality(), t.getBirthDate(),
                    t.getPermitRequired(), PermitView.of(t.getPermit()), t.getPassportNumber() != null, t.getPassportExpiry());
        }
    }

    /** The permit decided for a traveller from the permit catalogue, with the rule's source and review date. */
    @Schema(name = "TravellerPermit")
    record PermitView(String code, String category, String name, String basis, Integer processingDaysMin, Integer processingDaysMax,
                      String source, LocalDate reviewedOn, Instant decidedAt) {
        static PermitView of(TravellerPermit p) {
            return p == null ? null : new PermitView(p.code(), p.category(), p.name(), p.basis(), p.processingDaysMin(),
                    p.processingDaysMax(), p.source(), p.reviewedOn(), p.decidedAt());
        }
    }

    @Schema(name = "CasePhase")
    record PhaseView(String phase, Instant enteredAt, Instant completedAt) {
        static PhaseView of(CasePhase p) {
            return new PhaseView(p.getPhase(), p.getEnteredAt(), p.getCompletedAt());
        }
    }

    @Schema(name = "OpenTask")
    record TaskView(String id, String taskKey, String name, String assignee, List<String> candidateGroups, Instant created, Instant due) {
    }

    @Schema(name = "TimelineEntry")
    record TimelineView(Instant at, String kind, String elementId, String name, String phase, String actor) {
        static TimelineView of(TimelineEntry e) {
            return new TimelineView(e.getOccurredAt(), e.getKind().name(), e.getElementId(), e.getElementName(), e.getPhase(), e.getActor());
        }
    }

    /**
     * A checklist document; {@code id} addresses its file ({@code /api/cases/{caseId}/documents/{id}/file}), {@code file} is the
     * current one, if any; {@code reviewedBy}/{@code reviewedAt} who accepted or rejected it and when.
     */
    @Schema(name = "ChecklistDocument")
    record DocumentView(Long id, Long travellerId, String documentType, String status, String note, Instant updatedAt,
                        @Schema(description = "Who accepted or rejected the document (VALIDATED or REJECTED): a login, or \"system\" for the "
                                + "automatic passport check; absent while not reviewed (also after a new file) and for a review recorded before reviewers were.",
                                example = "specialist", maxLength = 64) String reviewedBy,
                        @Schema(description = "When the document was accepted or rejected; absent while not reviewed.") Instant reviewedAt,
                        DocumentFileView file) {
        static DocumentView of(CaseDocument d) {
            return of(d, null);
        }

        static DocumentView of(CaseDocument d, FileSummary file) {
            return new DocumentView(d.getId(), d.getTravellerId(), d.getDocumentType(), d.getStatus().name(), d.getNote(), d.getUpdatedAt(),
                    d.getReviewedBy(), d.getReviewedAt(),
                    file == null ? null : new DocumentFileView(file.version(), file.contentType(), file.sizeBytes(), file.uploadedBy(), file.uploadedAt(),
                            d.getFileSource() == null ? null : d.getFileSource().name()));
        }
    }

    /** The current file; {@code source} UPLOAD, or PAPER_ORIGINAL for the scan of a paper original the specialist registered ({@code uploadedBy}, {@code uploadedAt}). */
    @Schema(name = "CurrentDocumentFile")
    record DocumentFileView(int version, String contentType, long sizeBytes, String uploadedBy, Instant uploadedAt, String source) {
    }

    @Schema(name = "CaseKeyDate")
    record KeyDateView(String kind, LocalDate dueDate, Long travellerId, String note) {
        static KeyDateView of(KeyDate k) {
            return new KeyDateView(k.getKind(), k.getDueDate(), k.getTravellerId(), k.getNote());
        }
    }

    @Schema(name = "ServiceOrder")
    record ServiceOrderView(String reference, String serviceType,
                            @Schema(description = "The vendor's name in its callback path: a registered vendor's code, or the "
                                    + "service category when the order went to the configured endpoint", example = "berlin-homes") String vendor,
                            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The registered vendor the order went "
                                    + "to (GET /api/vendors/{id}); absent: the configured endpoint of its category") Long vendorId,
                            String status, String detail,
                            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = FINANCIALS) MoneyView cost,
                            Instant requestedAt, Instant answeredAt,
                            @Schema(description = "Whether its delivery may be confirmed and rated now (POST /api/cases/{caseId}/"
                                    + "service-orders/{reference}/delivery): its vendor confirmed it and no delivery is recorded") boolean deliverable,
                            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The confirmed delivery and its rating; "
                                    + "absent until confirmed") ServiceOrderDeliveryView delivery,
                            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Its SLA deadlines and reminders "
                                    + "(docs/journey.md \"Vendor SLAs\"); absent for an order that awaits no answer") ServiceOrderSlaView sla,
                            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The accepted quote the order was placed "
                                    + "on and its invoice against it; absent: no quote. " + FINANCIALS) ServiceOrderQuoteView quote) {
        static ServiceOrderView of(ServiceOrder o, boolean financials, org.relocation.vendor.ServiceDelivery d) {
            return new ServiceOrderView(o.getReference(), o.getServiceType().name(), o.getVendor(), o.getVendorId(), o.getStatus().name(), o.getDetail(),
                    o.getCostAmount() == null || !financials ? null : new MoneyView(o.getCostAmount(), o.getCostCurrency()),
                    o.getRequestedAt(), o.getAnsweredAt(), d == null && org.relocation.vendor.ServiceDeliveries.DELIVERABLE.contains(o.getStatus()),
                    d == null ? null : new ServiceOrderDeliveryView(d.getDeliveredOn(), d.getRating(), d.getComment(), d.getConfirmedBy()),
                    o.getConfirmBy() == null ? null : new ServiceOrderSlaView(o.getAcknowledgeBy(), o.getAcknowledgedAt(), o.getConfirmBy(),
                            o.getDeliverBy(), o.getReminders(), o.getRemindedAt(), o.isEscalationOpen()),
                    o.getQuotedAmount() == null || !financials ? null : new ServiceOrderQuoteView(o.getQuoteReference(),
                            new MoneyView(o.getQuotedAmount(), o.getQuotedCurrency()), o.getInvoiceCheck(),
                            o.getInvoiceExcess() == null ? null : new MoneyView(o.getInvoiceExcess(), o.getQuotedCurrency()),
                            o.getInvoiceDecidedBy(), o.getInvoiceDecisionNote()));
        }
    }

    @Schema(name = "ServiceOrderSla", description = "A service order's SLA: deadlines from its vendor's contract terms, reminders and escalation")
    record ServiceOrderSlaView(
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Acknowledgement deadline; absent once a new date was agreed") Instant acknowledgeBy,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "When the vendor acknowledged (or first answered) the order") Instant acknowledgedAt,
            @Schema(description = "Last day (UTC) for the vendor's answer", example = "2027-03-03") LocalDate confirmBy,
            @Schema(description = "Last day (UTC) of the delivery", example = "2027-03-15") LocalDate deliverBy,
            @Schema(description = "Reminders sent to the vendor", minimum = "0", example = "1") int reminders,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "When the vendor was last reminded") Instant remindedAt,
            @Schema(description = "Whether the case's specialists have an open resolve-vendor-delay task on it") boolean escalationOpen) {
    }

    @Schema(name = "ServiceOrderQuote", description = "The accepted quote of a service order and the vendor's invoice checked against it")
    record ServiceOrderQuoteView(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "HQ-1A2B3C4D-5E6F") String reference,
                                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The quoted price for the whole service") MoneyView quoted,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The invoice against the quote: "
                                         + "WITHIN_QUOTE (recorded), ABOVE_QUOTE (finance decides in decide-invoice-excess), "
                                         + "EXCESS_ACCEPTED (the whole invoice recorded) or DISPUTED (the quoted amount recorded, the "
                                         + "vendor told); absent until invoiced") ServiceOrder.InvoiceCheck invoiceCheck,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "How much the invoice is above the "
                                         + "quote, in the quote's currency; absent: within, or no rate to compare") MoneyView excess,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(example = "finance") String decidedBy,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(maxLength = 1000) String decisionNote) {
    }

    @Schema(name = "ServiceOrderDelivery", description = "A service order's delivery, confirmed and rated by the case's employee (or on their behalf)")
    record ServiceOrderDeliveryView(LocalDate deliveredOn,
                                    @Schema(minimum = "1", maximum = "5", example = "4") int rating,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(maxLength = 500) String comment,
                                    @Schema(example = "employee") String confirmedBy) {
    }

    @Schema(name = "EstimateLine")
    record EstimateLineView(String category, BigDecimal amount, String currency, BigDecimal reportingAmount, String basis) {
        static EstimateLineView of(CostEstimateLine l) {
            return new EstimateLineView(l.getCategory(), l.getAmount(), l.getCurrency(), l.getReportingAmount(), l.getBasis());
        }
    }

    /**
     * One estimate version; {@code approvedAt} set on the version the approvers committed to. The lines computed from
     * the base salary (cost-of-living allowance) are left out for readers who may not see the salary; the totals are whole.
     */
    @Schema(name = "CostEstimate")
    record EstimateView(int version, String reason, LocalDate ratesOn, String policyTier,
                        @Schema(description = "Estimate lines; those computed from the base salary (cost-of-living-allowance) "
                                + "only for finance, hr-admin and admin") List<EstimateLineView> lines,
                        MoneyView total, MoneyView reportingTotal, boolean exceedsBudget, String createdBy, Instant createdAt,
                        Instant approvedAt) {
        static EstimateView of(CostEstimate e, org.relocation.relocationcase.Money budget, boolean salary) {
            return new EstimateView(e.getVersion(), e.getReason(), e.getRatesOn(), e.getPolicyTier(),
                    e.getLines().stream().filter(l -> salary || !CaseFields.SALARY_LINES.contains(l.getCategory()))
                            .map(EstimateLineView::of).toList(),
                    money(e.total()), money(e.reportingTotal()),
                    e.total().currency().equals(budget.currency()) && e.total().isGreaterThan(budget),
                    e.getCreatedBy(), e.getCreatedAt(), e.getApprovedAt());
        }
    }

    @Schema(name = "PolicyDecision")
    record PolicyDecisionView(Long id, String decisionKey, String decisionName, int version, String definitionId,
                              JsonNode inputs, JsonNode outputs, Instant evaluatedAt) {
        private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

        static PolicyDecisionView of(org.relocation.policy.PolicyDecision d) {
            try {
                return new PolicyDecisionView(d.getId(), d.getDecisionKey(), d.getDecisionName(), d.getDefinitionVersion(), d.getDefinitionId(),
                        JSON.readTree(d.getInputs()), JSON.readTree(d.getOutputs()), d.getEvaluatedAt());
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Unreadable policy decision " + d.getId(), e);
            }
        }
    }

    @Schema(name = "ApprovalDecision")
    record ApprovalView(String step, String decision, String comment, String decidedBy, Instant decidedAt) {
        static ApprovalView of(ApprovalDecision a) {
            return new ApprovalView(a.getStep(), a.getDecision(), a.getComment(), a.getDecidedBy(), a.getDecidedAt());
        }
    }

    /**
     * A right-to-work check, recorded against the employee ({@code travellerId}) and what gives them the right to work:
     * {@code basis} GRANTED_PERMIT (with the permit's code and validity at the check), PERMIT_NOT_GRANTED, NO_PERMIT_NEEDED
     * (code of the exemption) or UNDECIDED; null fields for checks recorded before they were kept.
     */
    @Schema(name = "RightToWorkCheck")
    record RightToWorkView(String documentType, String documentReference, LocalDate checkedOn, String checkedBy,
                           String checkMethod, LocalDate nextCheckOn, Long travellerId, String basis, String permitCode,
                           LocalDate permitValidFrom, LocalDate permitValidUntil) {
        static RightToWorkView of(RightToWorkCheck r) {
            return new RightToWorkView(r.getDocumentType(), r.getDocumentReference(), r.getCheckedOn(), r.getCheckedBy(),
                    r.getCheckMethod(), r.getNextCheckOn(), r.getTravellerId(), r.getBasis() == null ? null : r.getBasis().name(),
                    r.getPermitCode(), r.getPermitValidFrom(), r.getPermitValidUntil());
        }
    }

    /**
     * What the specialist wrote about a traveller's counsel order: the information provided on counsel's request
     * (INFORMATION_PROVIDED, {@code sentAt} once counsel was told), a follow-up when counsel was late (FOLLOW_UP), or the
     * handling of a refused permit (REFUSAL_HANDLING, with {@code refusalAction}).
     */
    @Schema(name = "CounselNote")
    record CounselNoteView(String kind, Long travellerId,
                           @Schema(description = "The reference of the counsel order (see serviceOrders) the note is about; absent when "
                                   + "the traveller had none yet") @JsonInclude(JsonInclude.Include.NON_NULL) String serviceOrderReference,
                           @Schema(description = "The next step chosen after a refused permit (REFUSAL_HANDLING only)")
                           @JsonInclude(JsonInclude.Include.NON_NULL) String refusalAction,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String text, String writtenBy, Instant writtenAt,
                           @Schema(description = "When the information was sent to counsel (INFORMATION_PROVIDED only)")
                           @JsonInclude(JsonInclude.Include.NON_NULL) Instant sentAt) {
        static CounselNoteView of(CounselNote n, Map<Long, String> orderReferences) {
            return new CounselNoteView(n.getKind().name(), n.getTravellerId(), orderReferences.get(n.getServiceOrderId()),
                    n.getRefusalAction() == null ? null : n.getRefusalAction().name(), n.getText(), n.getWrittenBy(), n.getWrittenAt(),
                    n.getSentAt());
        }
    }

    /**
     * A renewal of a traveller's permit or visa (the key date {@code keyDateKind}): FILED with the renewed permit's
     * {@code newExpiry}, to which the traveller's permit validity and the key date moved, or NOT_NEEDED.
     */
    @Schema(name = "PermitRenewal")
    record PermitRenewalView(String keyDateKind, Long travellerId, LocalDate previousExpiry,
                             @Schema(description = "FILED only") @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate newExpiry,
                             String action,
                             @Schema(description = "The renewal application's reference, if given (FILED only)")
                             @JsonInclude(JsonInclude.Include.NON_NULL) String applicationReference,
                             @Schema(description = NOTES) @JsonInclude(JsonInclude.Include.NON_NULL) String notes,
                             String recordedBy, Instant recordedAt) {
        static PermitRenewalView of(PermitRenewal r, boolean notes) {
            return new PermitRenewalView(r.getKeyDateKind(), r.getTravellerId(), r.getPreviousExpiry(), r.getNewExpiry(), r.getAction().name(),
                    r.getApplicationReference(), notes ? r.getNotes() : null, r.getRecordedBy(), r.getRecordedAt());
        }
    }

    @Schema(name = "Notification")
    record NotificationView(String kind, String recipient, String subject, String status, Instant createdAt) {
        static NotificationView of(Notification n) {
            return new NotificationView(n.getKind(), n.getRecipient(), n.getSubject(), n.getStatus(), n.getCreatedAt());
        }
    }

    /**
     * One case. The fields of a group the reader's role does not see are absent (see {@code CaseAccess}): FINANCIALS
     * (not for the employee), SALARY (finance, hr-admin, admin), PERSONAL (mobility-specialist, hr-admin, admin, the
     * case's employee), APPROVALS (not for the employee), NOTES (mobility-specialist, hr-admin, hr-lead, admin).
     */
    @Schema(name = "CaseDetails")
    record Details(Long id, String caseNumber, String status, String outcomeReason, String processInstanceId,
                   String employeeName, String employeeEmail, String employeeUserId,
                   String homeCountry, String homeCity, String hostCountry, String hostCity, String assignmentType,
                   LocalDate startDate, LocalDate endDate,
                   @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = FINANCIALS) String costCentre,
                   @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = FINANCIALS) Integer gradeLevel,
                   @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = FINANCIALS) MoneyView budget,
                   @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = FINANCIALS + " Set once the case is closed.") MoneyView finalCost,
                   @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = SALARY) MoneyView baseSalary,
                   List<String> currentPhases, List<PhaseView> phases, List<TravellerView> travellers, List<TaskView> openTasks,
                   List<TimelineView> timeline,
                   @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = PERSONAL) List<DocumentView> documents,
                   @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = PERSONAL) List<KeyDateView> keyDates,
                   List<ServiceOrderView> serviceOrders,
                   @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = FINANCIALS + " The latest version.") EstimateView estimate,
                   @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = FINANCIALS) Integer estimateVersions,
                   @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = APPROVALS) List<ApprovalView> approvals,
                   @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = PERSONAL) List<RightToWorkView> rightToWorkChecks,
                   @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = PERSONAL + " Their notes: " + NOTES)
                   List<PermitRenewalView> permitRenewals,
                   @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = NOTES) List<CounselNoteView> counselNotes,
                   List<NotificationView> notifications,
                   @Schema(description = "Who the employee deals with: the mobility specialist running the case and their line manager "
                           + "(login and name; a person is absent when the case names none)") ContactsView contacts,
                   @Schema(description = "Every form submitted for the case's user tasks, oldest first, as submitted. Specialists, HR "
                           + "administration and admins see every step's; other staff the approval steps' and their own (no pd_ field "
                           + "without " + "PERSONAL" + "); the employee their own.")
                   List<SubmissionView> submissions,
                   // the phases' domain records (forms review-intake ... approve-case-closure), absent until recorded
                   @Schema(description = "The specialist's intake reviews, one per intake round, oldest first") List<IntakeReviewView> intakeReviews,
                   @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Absent until the call is recorded") KickoffView kickoff,
                   @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Absent until finance confirms it") PayrollSetupView payrollSetup,
                   @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Absent until the employee confirms it. " + PERSONAL) BenefitsEnrolmentView benefitsEnrolment,
                   @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Only where the host country has no national plan; absent until arranged") InternationalCoverageView internationalCoverage,
                   @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Absent until the closure is approved") ClosureApprovalView closureApproval,
                   @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The lease recorded after the home search (form record-lease); absent "
                           + "until recorded. " + PERSONAL) LeaseView lease,
                   Instant createdAt, Instant updatedAt, Instant closedAt) {
    }

    // ---- the phases' domain records: every reader sees who and when; notes only with NOTES

    @Schema(name = "IntakeReview", description = "The specialist verified the intake and the estimate before the approvals (form review-intake)")
    record IntakeReviewView(String verifiedBy, Instant verifiedAt,
                            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The estimate version reviewed. " + FINANCIALS) Integer estimateVersion,
                            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Notes for the approvers. " + APPROVALS) String notes) {
        static IntakeReviewView of(org.relocation.approval.IntakeReview r, boolean financials, boolean notes) {
            return new IntakeReviewView(r.getVerifiedBy(), r.getVerifiedAt(), financials ? r.getEstimateVersion() : null, notes ? r.getNotes() : null);
        }
    }

    @Schema(name = "KickoffCall", description = "The kick-off call with the employee (form record-kickoff-call)")
    record KickoffView(LocalDate heldOn, @Schema(description = "Names or roles, as recorded") String attendees, String recordedBy, Instant recordedAt,
                       @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "What was agreed. " + NOTES) String notes) {
        static KickoffView of(org.relocation.housing.KickoffCall k, boolean notes) {
            return new KickoffView(k.getHeldOn(), k.getAttendees(), k.getRecordedBy(), k.getRecordedAt(), notes ? k.getNotes() : null);
        }
    }

    @Schema(name = "PayrollSetup", description = "The case's payroll set-up as finance confirmed it (form confirm-payroll-setup)")
    record PayrollSetupView(@Schema(description = "HOME payroll (host shadow payroll), SPLIT or HOST payroll, by assignment type") org.relocation.payroll.PayrollMode payrollMode,
                            @Schema(description = "The payroll system's reference") String reference, String confirmedBy, Instant confirmedAt) {
        static PayrollSetupView of(org.relocation.payroll.PayrollSetup p) {
            return new PayrollSetupView(p.getPayrollMode(), p.getReference(), p.getConfirmedBy(), p.getConfirmedAt());
        }
    }

    @Schema(name = "BenefitsEnrolment", description = "The employee's benefits choices, confirmed by them (form confirm-benefits-enrolment), and each traveller's enrolment")
    record BenefitsEnrolmentView(String healthPlan, String pensionContinuation, String confirmedBy, Instant confirmedAt,
                                 @Schema(description = "One enrolment per traveller (the employee and each dependant)") List<TravellerEnrolmentView> travellers) {
        static BenefitsEnrolmentView of(org.relocation.benefits.BenefitsEnrolment e, List<org.relocation.benefits.TravellerEnrolment> travellers) {
            return new BenefitsEnrolmentView(e.getHealthPlan() == null ? null : e.getHealthPlan().code(),
                    e.getPensionContinuation() == null ? null : e.getPensionContinuation().code(), e.getConfirmedBy(), e.getConfirmedAt(),
                    travellers.stream().map(TravellerEnrolmentView::of).toList());
        }
    }

    @Schema(name = "TravellerEnrolment", description = "A traveller's benefits enrolment: the plan, the cover start the benefits vendor confirmed and the status")
    record TravellerEnrolmentView(@Schema(description = "The traveller (see travellers)") Long travellerId,
                                  @Schema(description = "host-national, international or home-continued") String plan,
                                  @Schema(description = "When cover starts; after the case's start date the specialist reviews it") java.time.LocalDate coverStart,
                                  @Schema(description = "PENDING, ORDERED, CONFIRMED or NOT_ENROLLED") org.relocation.benefits.TravellerEnrolment.Status status) {
        static TravellerEnrolmentView of(org.relocation.benefits.TravellerEnrolment t) {
            return new TravellerEnrolmentView(t.getTravellerId(), t.getPlan() == null ? null : t.getPlan().code(), t.getCoverStart(), t.getStatus());
        }
    }

    @Schema(name = "InternationalCoverage", description = "International health cover arranged where the host country has no plan with the benefits provider (form arrange-international-coverage)")
    record InternationalCoverageView(String arrangedBy, Instant arrangedAt,
                                     @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = PERSONAL) String provider,
                                     @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "What the employee should know of the cover. " + PERSONAL) String notes) {
        static InternationalCoverageView of(org.relocation.benefits.InternationalCoverage c, boolean personal) {
            return new InternationalCoverageView(c.getArrangedBy(), c.getArrangedAt(), personal ? c.getProvider() : null, personal ? c.getNotes() : null);
        }
    }

    @Schema(name = "ClosureApproval", description = "Who approved the case's closure (form approve-case-closure); close-case then completes it")
    record ClosureApprovalView(String approvedBy, Instant approvedAt,
                               @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The final cost approved as correct. " + FINANCIALS) MoneyView finalCost,
                               @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Closing notes. " + NOTES) String notes) {
        static ClosureApprovalView of(org.relocation.closure.ClosureApproval a, boolean financials, boolean notes) {
            return new ClosureApprovalView(a.getApprovedBy(), a.getApprovedAt(), financials ? money(a.finalCost()) : null, notes ? a.getNotes() : null);
        }
    }

    @Schema(name = "CaseLease", description = "The family's lease after the home search (form record-lease), its rent held against the "
            + "policy's monthly housing cap in EUR; above the cap through a policy exception (exceptionId)")
    record LeaseView(String address, MoneyView monthlyRent, MoneyView deposit, LocalDate leaseStart, LocalDate leaseEnd,
                     @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The monthly rent in EUR when it was checked") MoneyView rentInPolicyCurrency,
                     @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The policy's monthly housing cap it was checked against") MoneyView housingCap,
                     @Schema(description = "RECORDED, WITHIN_CAP, EXCEPTION_REQUESTED, ACCEPTED or REFUSED (another lease is recorded)",
                             allowableValues = {"RECORDED", "WITHIN_CAP", "EXCEPTION_REQUESTED", "ACCEPTED", "REFUSED"}) String status,
                     @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The policy exception asked for a rent above the cap") Long exceptionId,
                     String recordedBy, Instant recordedAt) {
        static LeaseView of(org.relocation.destination.Lease l) {
            return new LeaseView(l.getAddress(), new MoneyView(l.getMonthlyRent(), l.getRentCurrency()), new MoneyView(l.getDepositAmount(), l.getRentCurrency()),
                    l.getLeaseStart(), l.getLeaseEnd(),
                    l.getRentPolicyAmount() == null ? null : new MoneyView(l.getRentPolicyAmount(), "EUR"),
                    l.getHousingCap() == null ? null : new MoneyView(l.getHousingCap(), "EUR"),
                    l.getStatus().name(), l.getExceptionId(), l.getRecordedBy(), l.getRecordedAt());
        }
    }

    /** A named person of the case: their login and display name (absent when the user has none). */
    @Schema(name = "CasePerson")
    record PersonView(String userId, @JsonInclude(JsonInclude.Include.NON_NULL) String name) {
    }

    @Schema(name = "CaseContacts")
    record ContactsView(@JsonInclude(JsonInclude.Include.NON_NULL) PersonView specialist,
                        @JsonInclude(JsonInclude.Include.NON_NULL) PersonView lineManager) {
    }

    /** A form submitted for one of the case's user tasks: which task and form, who and when, and the fields as submitted. */
    @Schema(name = "TaskSubmission")
    record SubmissionView(String taskKey, String taskName, String formId, String submittedBy, Instant submittedAt,
                          Map<String, Object> fields) {

        static SubmissionView of(org.relocation.relocationcase.TaskSubmissions.Submitted s, boolean personal) {
            Map<String, Object> fields = new java.util.TreeMap<>(s.fields());
            if (!personal) {
                fields.keySet().removeIf(k -> k.startsWith(org.relocation.platform.engine.PersonalData.FIELD_PREFIX));
            }
            return new SubmissionView(s.taskKey(), s.taskName(), s.formId(), s.submittedBy(), s.submittedAt(), fields);
        }
    }

    static MoneyView money(org.relocation.relocationcase.Money m) {
        return m == null ? null : new MoneyView(m.amount(), m.currency().getCurrencyCode());
    }

    static List<String> currentPhases(List<CasePhase> phases) {
        return phases.stream().filter(CasePhase::isOpen).map(CasePhase::getPhase).distinct().toList();
    }

    static Summary summary(RelocationCase c, List<CasePhase> phases, ContactsView contacts) {
        return new Summary(c.getId(), c.getCaseNumber(), c.getStatus().name(), c.getEmployeeName(), c.getHomeCountry(),
                c.getHostCountry(), c.getHostCity(), c.getAssignmentType().name(), c.getStartDate(), c.getEndDate(),
                currentPhases(phases), c.getCreatedAt(), contacts);
    }
}
