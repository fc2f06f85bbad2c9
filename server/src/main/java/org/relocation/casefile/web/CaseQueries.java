package org.relocation.casefile.web;

import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.IdentityLink;
import org.operaton.bpm.engine.task.IdentityLinkType;
import org.relocation.approval.ApprovalService;
import org.relocation.document.DocumentService;
import org.relocation.estimate.CostEstimator;
import org.relocation.estimate.CostEstimate;
import org.relocation.immigration.CounselNotes;
import org.relocation.immigration.ImmigrationService;
import org.relocation.immigration.PermitRenewals;
import org.relocation.notification.NotificationService;
import org.relocation.platform.web.Paged;
import org.relocation.relocationcase.CaseRepository;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.Money;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.identity.CaseAccess;
import org.relocation.identity.CaseFields;
import org.relocation.vendor.VendorService;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads for the case API: the list with filters, and one case with everything recorded about it. */
@Service
class CaseQueries {

    private final CaseRepository repository;
    private final CaseService cases;
    private final TaskService tasks;
    private final ImmigrationService immigration;
    private final VendorService vendors;
    private final CostEstimator estimator;
    private final org.relocation.policy.PolicyService policy;
    private final ApprovalService approvals;
    private final NotificationService notifications;
    private final DocumentService documentFiles;
    private final CaseAccess access;
    private final org.relocation.relocationcase.TaskSubmissions submissions;
    private final org.relocation.platform.engine.TaskFormHandlers handlers;
    private final CounselNotes counsel;
    private final PermitRenewals renewals;

    private final org.relocation.relocationcase.CaseStaff staff;
    private final PhaseRecords phaseRecords;
    private final org.relocation.vendor.ServiceDeliveries deliveries;

    CaseQueries(CaseRepository repository, CaseService cases, TaskService tasks, ImmigrationService immigration,
                VendorService vendors, CostEstimator estimator, org.relocation.policy.PolicyService policy, ApprovalService approvals, NotificationService notifications,
                DocumentService documentFiles, CaseAccess access, org.relocation.relocationcase.TaskSubmissions submissions,
                org.relocation.relocationcase.CaseStaff staff, org.relocation.platform.engine.TaskFormHandlers handlers,
                PhaseRecords phaseRecords, CounselNotes counsel, PermitRenewals renewals,
                org.relocation.vendor.ServiceDeliveries deliveries) {
        this.deliveries = deliveries;
        this.phaseRecords = phaseRecords;
        this.access = access;
        this.counsel = counsel;
        this.renewals = renewals;
        this.handlers = handlers;
        this.submissions = submissions;
        this.staff = staff;
        this.repository = repository;
        this.cases = cases;
        this.tasks = tasks;
        this.immigration = immigration;
        this.vendors = vendors;
        this.estimator = estimator;
        this.policy = policy;
        this.approvals = approvals;
        this.notifications = notifications;
        this.documentFiles = documentFiles;
    }

    @Transactional(readOnly = true)
    Paged<CaseViews.Summary> search(org.relocation.relocationcase.CaseSearch filter, Authentication reader, int page, int size) {
        var result = repository.search(filter, access.scope(reader), PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "id")));
        List<CaseViews.Summary> items = result.getContent().stream()
                .map(c -> CaseViews.summary(c, cases.phases(c.getId()),
                        new CaseViews.ContactsView(person(c.getSpecialistUserId()), person(c.getLineManagerUserId())))).toList();
        return Paged.of(items, page, size, result);
    }

    @Transactional(readOnly = true)
    List<CaseViews.EstimateView> estimates(Long id, Authentication reader) {
        RelocationCase c = cases.readable(id, access.scope(reader));
        boolean salary = access.fields(reader, c).contains(CaseFields.SALARY);
        return estimator.versions(id).stream().map(e -> CaseViews.EstimateView.of(e, c.budget(), salary)).toList();
    }

    @Transactional(readOnly = true)
    List<CaseViews.PolicyDecisionView> policyDecisions(Long id, Authentication reader) {
        cases.readable(id, access.scope(reader));
        return policy.decisions(id).stream().map(CaseViews.PolicyDecisionView::of).toList();
    }

    /** A named person of a case: login and display name. */
    private CaseViews.PersonView person(String userId) {
        return userId == null ? null : new CaseViews.PersonView(userId, staff.displayName(userId).orElse(null));
    }

    /**
     * One case as this reader sees it ({@link CaseAccess}): "not found" beyond their scope, and a field group their role
     * does not see is neither read nor shown. The one place that builds the view of a case.
     */
    @Transactional(readOnly = true)
    CaseViews.Details details(Long id, Authentication reader) {
        RelocationCase c = cases.readable(id, access.scope(reader));
        Set<CaseFields> fields = access.fields(reader, c);
        boolean financials = fields.contains(CaseFields.FINANCIALS);
        boolean personal = fields.contains(CaseFields.PERSONAL);
        boolean notes = fields.contains(CaseFields.NOTES);
        var phases = cases.phases(id);
        List<CostEstimate> versions = financials ? estimator.versions(id) : List.of();
        CaseViews.EstimateView estimate = versions.isEmpty() ? null
                : CaseViews.EstimateView.of(versions.get(versions.size() - 1), c.budget(), fields.contains(CaseFields.SALARY));
        List<org.operaton.bpm.engine.task.Task> open = tasks.createTaskQuery().processInstanceBusinessKey(c.getCaseNumber())
                .initializeFormKeys().orderByTaskCreateTime().asc().list();
        Map<String, List<String>> candidateGroups = candidateGroups(open);
        List<CaseViews.TaskView> openTasks = open.stream()
                .map(t -> new CaseViews.TaskView(t.getId(), t.getTaskDefinitionKey(), t.getName(), t.getAssignee(),
                        candidateGroups.getOrDefault(t.getId(), List.of()),
                        t.getCreateTime().toInstant(), t.getDueDate() == null ? null : t.getDueDate().toInstant()))
                .toList();
        return new CaseViews.Details(c.getId(), c.getCaseNumber(), c.getStatus().name(), c.getOutcomeReason(), c.getProcessInstanceId(),
                c.getEmployeeName(), c.getEmployeeEmail(), c.getEmployeeUserId(), c.getHomeCountry(), c.getHomeCity(),
                c.getHostCountry(), c.getHostCity(), c.getAssignmentType().name(), c.getStartDate(), c.getEndDate(),
                financials ? c.getCostCentre() : null, financials ? c.getGradeLevel() : null,
                financials ? CaseViews.money(c.budget()) : null, financials ? CaseViews.money(c.finalCost()) : null,
                fields.contains(CaseFields.SALARY) ? CaseViews.money(c.baseSalary()) : null,
                CaseViews.currentPhases(phases), phases.stream().map(CaseViews.PhaseView::of).toList(),
                c.getTravellers().stream().map(t -> CaseViews.TravellerView.of(t, personal)).toList(), openTasks,
                cases.timeline(id).stream().map(CaseViews.TimelineView::of).toList(),
                personal ? documents(id) : null,
                personal ? immigration.keyDates(id).stream().map(CaseViews.KeyDateView::of).toList() : null,
                serviceOrders(id, financials),
                estimate, financials ? versions.size() : null,
                fields.contains(CaseFields.APPROVALS) ? approvals.decisions(id).stream().map(CaseViews.ApprovalView::of).toList() : null,
                personal ? immigration.rightToWorkChecks(id).stream().map(CaseViews.RightToWorkView::of).toList() : null,
                personal ? renewals.ofCase(id).stream().map(r -> CaseViews.PermitRenewalView.of(r, notes)).toList() : null,
                notes ? counselNotes(id) : null,
                notifications.notifications(id).stream().map(CaseViews.NotificationView::of).toList(),
                new CaseViews.ContactsView(person(c.getSpecialistUserId()), person(c.getLineManagerUserId())),
                submissions.ofCase(id).stream().filter(s -> showsSubmission(fields, reader, s))
                        .map(s -> CaseViews.SubmissionView.of(s, personal)).toList(),
                phaseRecords.intakeReviews(id, fields), phaseRecords.kickoff(id, fields), phaseRecords.payrollSetup(id),
                phaseRecords.benefitsEnrolment(id, fields), phaseRecords.internationalCoverage(id, fields), phaseRecords.closureApproval(id, fields),
                phaseRecords.lease(id, fields),
                c.getCreatedAt(), c.getUpdatedAt(), c.getClosedAt());
    }

    /**
     * The candidate groups of the open tasks, read in one engine command. A task completed by someone else since the
     * query simply has none (the case reader's access was checked above; asking the task service per task would fail
     * with "Cannot find task" for it).
     */
    private Map<String, List<String>> candidateGroups(List<org.operaton.bpm.engine.task.Task> open) {
        if (open.isEmpty()) {
            return Map.of();
        }
        return ((org.operaton.bpm.engine.impl.ServiceImpl) tasks).getCommandExecutor().execute(context -> {
            Map<String, List<String>> groups = new java.util.HashMap<>();
            for (org.operaton.bpm.engine.task.Task t : open) {
                groups.put(t.getId(), context.getIdentityLinkManager().findIdentityLinksByTaskId(t.getId()).stream()
                        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                        .map(IdentityLink::getGroupId).toList());
            }
            return groups;
        });
    }

    /**
     * Whose submissions a reader sees: whoever reads both the personal data and the approvals (specialist, HR
     * administration, admin) every step's; other staff the approval forms' (what they decide on) and their own; the
     * employee their own. A benefits choice or a document note is not a manager's or finance's to read.
     */
    private boolean showsSubmission(Set<CaseFields> fields, Authentication reader, org.relocation.relocationcase.TaskSubmissions.Submitted s) {
        if (reader != null && reader.getName().equals(s.submittedBy())
                || fields.contains(CaseFields.APPROVALS) && fields.contains(CaseFields.PERSONAL)) {
            return true;
        }
        return fields.contains(CaseFields.APPROVALS) && handlers.of(s.formId()).map(org.relocation.platform.form.TaskFormHandler::approval).orElse(false);
    }

    private List<CaseViews.CounselNoteView> counselNotes(Long caseId) {
        Map<Long, String> references = new java.util.HashMap<>();
        vendors.orders(caseId).forEach(o -> references.put(o.getId(), o.getReference()));
        return counsel.ofCase(caseId).stream().map(n -> CaseViews.CounselNoteView.of(n, references)).toList();
    }

    private List<CaseViews.DocumentView> documents(Long caseId) {
        var files = documentFiles.currentFiles(caseId);
        return immigration.documents(caseId).stream().map(d -> CaseViews.DocumentView.of(d, files.get(d.getId()))).toList();
    }

    /** The case's orders with their confirmed deliveries and ratings. */
    private List<CaseViews.ServiceOrderView> serviceOrders(Long id, boolean financials) {
        var delivered = deliveries.ofCase(id);
        return vendors.orders(id).stream().map(o -> CaseViews.ServiceOrderView.of(o, financials, delivered.get(o.getId()))).toList();
    }
}
