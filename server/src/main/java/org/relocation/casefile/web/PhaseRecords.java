package org.relocation.casefile.web;

import org.relocation.approval.IntakeReviews;
import org.relocation.benefits.BenefitsService;
import org.relocation.closure.ClosureApprovals;
import org.relocation.housing.KickoffCalls;
import org.relocation.identity.CaseFields;
import org.relocation.payroll.PayrollSetups;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/**
 * The phases' domain records of one case as a reader sees them (read inside {@link CaseQueries#details}'s
 * transaction): who and when for every reader of the case; notes only with {@link CaseFields#NOTES}, except the
 * intake review's (written for the approvers: {@link CaseFields#APPROVALS}) and the cover's (written for the employee:
 * {@link CaseFields#PERSONAL}); the estimate version and final cost with {@link CaseFields#FINANCIALS}, the employee's
 * benefits choices and cover provider with {@link CaseFields#PERSONAL}. A group the reader does not see is not read.
 */
@Component
class PhaseRecords {

    private final IntakeReviews intakeReviews;
    private final KickoffCalls kickoffCalls;
    private final PayrollSetups payrollSetups;
    private final BenefitsService benefits;
    private final ClosureApprovals closureApprovals;
    private final org.relocation.destination.LeaseService leases;

    PhaseRecords(IntakeReviews intakeReviews, KickoffCalls kickoffCalls, PayrollSetups payrollSetups, BenefitsService benefits,
                 ClosureApprovals closureApprovals, org.relocation.destination.LeaseService leases) {
        this.leases = leases;
        this.intakeReviews = intakeReviews;
        this.kickoffCalls = kickoffCalls;
        this.payrollSetups = payrollSetups;
        this.benefits = benefits;
        this.closureApprovals = closureApprovals;
    }

    List<CaseViews.IntakeReviewView> intakeReviews(Long caseId, Set<CaseFields> fields) {
        return intakeReviews.ofCase(caseId).stream()
                .map(r -> CaseViews.IntakeReviewView.of(r, fields.contains(CaseFields.FINANCIALS), fields.contains(CaseFields.APPROVALS))).toList();
    }

    CaseViews.KickoffView kickoff(Long caseId, Set<CaseFields> fields) {
        return kickoffCalls.ofCase(caseId).map(k -> CaseViews.KickoffView.of(k, fields.contains(CaseFields.NOTES))).orElse(null);
    }

    CaseViews.PayrollSetupView payrollSetup(Long caseId) {
        return payrollSetups.ofCase(caseId).map(CaseViews.PayrollSetupView::of).orElse(null);
    }

    CaseViews.BenefitsEnrolmentView benefitsEnrolment(Long caseId, Set<CaseFields> fields) {
        return fields.contains(CaseFields.PERSONAL) ? benefits.enrolment(caseId)
                .map(e -> CaseViews.BenefitsEnrolmentView.of(e, benefits.travellerEnrolments(caseId))).orElse(null) : null;
    }

    CaseViews.InternationalCoverageView internationalCoverage(Long caseId, Set<CaseFields> fields) {
        return benefits.coverage(caseId).map(c -> CaseViews.InternationalCoverageView.of(c, fields.contains(CaseFields.PERSONAL))).orElse(null);
    }

    /** The lease (address, rent: personal data) with {@link CaseFields#PERSONAL}. */
    CaseViews.LeaseView lease(Long caseId, Set<CaseFields> fields) {
        return fields.contains(CaseFields.PERSONAL) ? leases.find(caseId).map(CaseViews.LeaseView::of).orElse(null) : null;
    }

    CaseViews.ClosureApprovalView closureApproval(Long caseId, Set<CaseFields> fields) {
        return closureApprovals.ofCase(caseId).map(a -> CaseViews.ClosureApprovalView.of(a, fields.contains(CaseFields.FINANCIALS),
                fields.contains(CaseFields.NOTES))).orElse(null);
    }
}
