package org.relocation.approval.engine;

import org.relocation.approval.ApprovalService;
import org.relocation.approval.web.ApprovalBrief;
import org.relocation.platform.form.FormContext;
import org.relocation.platform.form.FormSubmission;
import org.relocation.platform.form.TaskFormHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;
import java.util.Set;

/** The three approval forms: manager, finance and second level decide with the approval brief in front of them. */
@Configuration(proxyBeanMethods = false)
class ApprovalForms {

    @Bean
    TaskFormHandler managerApprovalForm(ApprovalService approvals, ApprovalBrief brief) {
        return new ApprovalDecisionForm("approve-relocation", "manager", "manager", false, approvals, brief);
    }

    @Bean
    TaskFormHandler financeApprovalForm(ApprovalService approvals, ApprovalBrief brief) {
        return new ApprovalDecisionForm("approve-budget", "finance", "finance", true, approvals, brief);
    }

    @Bean
    TaskFormHandler transferApprovalForm(ApprovalService approvals, ApprovalBrief brief) {
        return new ApprovalDecisionForm("approve-transfer", "second-level", "secondLevel", false, approvals, brief);
    }

    /**
     * An approval form: approve, reject or send back, with a comment required to reject or send back. The decision is
     * recorded on the case (the process reads the decision field to route; the comment stays in the case records only).
     * Only finance's brief shows the salary and the estimate lines computed from it.
     */
    record ApprovalDecisionForm(String formId, String step, String fieldPrefix, boolean showsSalary, ApprovalService approvals,
                                ApprovalBrief brief) implements TaskFormHandler {

        @Override
        public boolean approval() {
            return true;
        }

        @Override
        public Set<String> fields() {
            return Set.of(fieldPrefix + "Decision", fieldPrefix + "Comment");
        }

        @Override
        public Map<String, String> problems(FormSubmission s) {
            String decision = s.string(fieldPrefix + "Decision");
            if (("reject".equals(decision) || "send-back".equals(decision)) && s.string(fieldPrefix + "Comment") == null) {
                return Map.of(fieldPrefix + "Comment", "is required to " + ("reject".equals(decision) ? "reject" : "send the case back")
                        + ": say why, or what must change");
            }
            return Map.of();
        }

        @Override
        public void record(FormSubmission s) {
            approvals.record(s.caseId(), step, s.string(fieldPrefix + "Decision"), s.string(fieldPrefix + "Comment"), s.actor());
        }

        @Override
        public Map<String, Object> context(FormContext context) {
            return Map.of(ApprovalBrief.CONTEXT, brief.brief(context.caseId(), null, showsSalary));
        }
    }
}
