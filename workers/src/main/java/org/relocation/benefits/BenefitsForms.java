package org.relocation.benefits;

import org.relocation.platform.form.FormSubmission;
import org.relocation.platform.form.TaskFormHandler;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;

/** The benefits phase's two forms. */
final class BenefitsForms {

    private BenefitsForms() {
    }

    /** Form arrange-international-coverage: HR administration's international cover, on the case. */
    @Component
    static class InternationalCoverageForm implements TaskFormHandler {

        private final BenefitsService benefits;

        InternationalCoverageForm(BenefitsService benefits) {
            this.benefits = benefits;
        }

        @Override
        public String formId() {
            return "arrange-international-coverage";
        }

        @Override
        public Set<String> fields() {
            return Set.of("coverageProvider", "coverageNotes");
        }

        @Override
        public void record(FormSubmission s) {
            benefits.coverageArranged(s.caseId(), s.string("coverageProvider"), s.string("coverageNotes"), s.actor());
        }
    }

    /**
     * Form follow-up-benefits-enrolment: the specialist's follow-up of the benefits vendor whose confirmation is overdue
     * (kept with the task submission).
     */
    @Component
    static class FollowUpForm implements TaskFormHandler {

        @Override
        public String formId() {
            return "follow-up-benefits-enrolment";
        }

        @Override
        public Set<String> fields() {
            return Set.of("benefitsFollowUpNotes");
        }

    }

    /**
     * Form review-benefits-cover-start: the vendor confirmed cover from after the arrival date; the specialist records
     * what was agreed (backdated, interim cover, accepted), kept with the task submission.
     */
    @Component
    static class CoverStartReviewForm implements TaskFormHandler {

        @Override
        public String formId() {
            return "review-benefits-cover-start";
        }

        @Override
        public Set<String> fields() {
            return Set.of("coverStartOutcome", "coverStartNotes");
        }
    }

    /**
     * Form confirm-benefits-enrolment: the employee's health plan and pension, on the case, and the dependants' plan
     * (dependantsPlan) on each dependant's enrolment; the host country's
     * national plan is refused where the benefits provider has none.
     */
    @Component
    static class BenefitsEnrolmentForm implements TaskFormHandler {

        private final BenefitsService benefits;

        BenefitsEnrolmentForm(BenefitsService benefits) {
            this.benefits = benefits;
        }

        @Override
        public String formId() {
            return "confirm-benefits-enrolment";
        }

        @Override
        public Set<String> fields() {
            return Set.of("healthPlan", "pensionContinuation", "dependantsPlan");
        }

        @Override
        public Map<String, String> problems(FormSubmission s) {
            return benefits.enrolmentProblems(s.caseId(), HealthPlan.of(s.string("healthPlan")), s.string("dependantsPlan"));
        }

        @Override
        public void record(FormSubmission s) {
            benefits.enrolled(s.caseId(), HealthPlan.of(s.string("healthPlan")), PensionContinuation.of(s.string("pensionContinuation")),
                    s.string("dependantsPlan"), s.actor());
        }
    }
}
