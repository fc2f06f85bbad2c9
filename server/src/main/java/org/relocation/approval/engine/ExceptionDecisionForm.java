package org.relocation.approval.engine;

import org.relocation.approval.web.ApprovalBrief;
import org.relocation.platform.form.FormContext;
import org.relocation.platform.form.FormSubmission;
import org.relocation.platform.form.TaskFormHandler;
import org.relocation.policyexception.PolicyExceptionService;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;

/**
 * Form approve-policy-exception: the HR lead decides one policy exception of the case (the task's {@value #EXCEPTION_ID},
 * one task per exception); the brief shows that exception first.
 */
@Component
class ExceptionDecisionForm implements TaskFormHandler {

    /** The task-local variable of an exception approval (the multi-instance element): which exception is decided. */
    static final String EXCEPTION_ID = "exceptionId";

    private final PolicyExceptionService exceptions;
    private final ApprovalBrief brief;

    ExceptionDecisionForm(PolicyExceptionService exceptions, ApprovalBrief brief) {
        this.exceptions = exceptions;
        this.brief = brief;
    }

    @Override
    public String formId() {
        return "approve-policy-exception";
    }

    @Override
    public Set<String> fields() {
        return Set.of("exceptionDecision", "exceptionComment");
    }

    @Override
    public boolean approval() {
        return true;
    }

    @Override
    public Map<String, String> problems(FormSubmission s) {
        return s.taskNumber(EXCEPTION_ID) == null ? Map.of("exceptionDecision", "this task names no policy exception to decide") : Map.of();
    }

    @Override
    public void record(FormSubmission s) {
        exceptions.decide(s.taskNumber(EXCEPTION_ID), "approve".equals(s.string("exceptionDecision")), s.string("exceptionComment"), s.actor());
    }

    @Override
    public Map<String, Object> context(FormContext context) {
        return Map.of(ApprovalBrief.CONTEXT, brief.brief(context.caseId(), context.taskNumber(EXCEPTION_ID), false));
    }
}
