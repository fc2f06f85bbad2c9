package org.relocation.benefits;

import org.relocation.platform.form.FormContext;
import org.relocation.platform.form.FormSubmission;
import org.relocation.platform.form.TaskFormHandler;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
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
     * Form confirm-benefits-enrolment: the employee's health plan and pension, on the case, and a plan for each dependant
     * the benefits policy enrols (dynamic list {@code dependantPlans}: travellerId and plan per dependant, prefilled from
     * the read-time context with who they are, "Partner" or "Child, 9 years", and the plan the policy proposed), on each
     * dependant's enrolment. The host country's national plan is refused where the benefits provider has none.
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
            return Set.of("healthPlan", "pensionContinuation", BenefitsService.DEPENDANT_PLANS);
        }

        /**
         * {@code dependantPlans}: the list the form opens with (the dynamic list's data), built from the case records
         * each time, never stored as a variable; what comes back is only the keyed fields (travellerId, plan).
         */
        @Override
        public Map<String, Object> context(FormContext context) {
            List<Map<String, Object>> plans = benefits.dependantPlans(context.caseId()).stream().map(d -> {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("travellerId", d.travellerId());
                line.put("who", d.who());
                line.put("plan", d.plan());
                return line;
            }).toList();
            return Map.of(BenefitsService.DEPENDANT_PLANS, plans);
        }

        @Override
        public Map<String, String> problems(FormSubmission s) {
            return benefits.enrolmentProblems(s.caseId(), HealthPlan.of(s.string("healthPlan")), choices(s));
        }

        @Override
        public void record(FormSubmission s) {
            benefits.enrolled(s.caseId(), HealthPlan.of(s.string("healthPlan")), PensionContinuation.of(s.string("pensionContinuation")),
                    choices(s), s.actor());
        }

        /** The submitted list (already a list of objects: the platform checked it against the form); null when not sent. */
        private static List<BenefitsService.DependantChoice> choices(FormSubmission s) {
            if (!(s.values().get(BenefitsService.DEPENDANT_PLANS) instanceof List<?> items)) {
                return null;
            }
            return items.stream().map(i -> i instanceof Map<?, ?> m
                    ? new BenefitsService.DependantChoice(m.get("travellerId"), m.get("plan") == null ? null : m.get("plan").toString())
                    : new BenefitsService.DependantChoice(null, null)).toList();
        }
    }
}
