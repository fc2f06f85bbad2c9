package org.relocation.approval;

import org.relocation.relocationcase.CaseStaff;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The approval tasks of {@code relocation-approval}, who decides each and who hears when it is overdue. */
public enum ApprovalStep {
    MANAGER(CaseStaff.LINE_MANAGER_TASK, "manager", "manager approval", List.of("manager", "hr-admin")),
    POLICY_EXCEPTION("approve-policy-exception", "hr-lead", "HR lead approval of policy exceptions", List.of("hr-lead", "hr-admin")),
    FINANCE("approve-budget", "finance", "finance approval", List.of("finance", "hr-admin")),
    SECOND_LEVEL("approve-transfer", "senior-manager", "second-level approval", List.of("senior-manager", "hr-admin"));

    private final String taskKey;
    private final String approverGroup;
    private final String label;
    private final List<String> escalateTo;

    ApprovalStep(String taskKey, String approverGroup, String label, List<String> escalateTo) {
        this.taskKey = taskKey;
        this.approverGroup = approverGroup;
        this.label = label;
        this.escalateTo = escalateTo;
    }

    public static Optional<ApprovalStep> ofTask(String taskKey) {
        return Arrays.stream(values()).filter(s -> s.taskKey.equals(taskKey)).findFirst();
    }

    public String taskKey() { return taskKey; }
    public String approverGroup() { return approverGroup; }
    public String label() { return label; }
    /** Roles told when the step is overdue: the approvers and HR administration, who can reassign the task. */
    public List<String> escalateTo() { return escalateTo; }
}
