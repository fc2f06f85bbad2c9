package org.relocation.identity;

import java.util.List;

/** The groups people belong to; each is a role with its own tasks and rights. */
public final class Roles {

    public static final String SPECIALIST = "mobility-specialist";
    public static final String MANAGER = "manager";
    public static final String FINANCE = "finance";
    public static final String HR_ADMIN = "hr-admin";
    /** Approves or rejects policy exceptions. */
    public static final String HR_LEAD = "hr-lead";
    /** Second-level approver of permanent transfers above the threshold. */
    public static final String SENIOR_MANAGER = "senior-manager";
    public static final String PROCESS_OWNER = "process-owner";
    public static final String EMPLOYEE = "employee";
    public static final String ADMIN = "admin";
    /** Service account group of the job workers. */
    public static final String JOB_WORKER = "job-worker";

    public static final List<String> ALL = List.of(SPECIALIST, MANAGER, FINANCE, HR_ADMIN, HR_LEAD, SENIOR_MANAGER,
            PROCESS_OWNER, EMPLOYEE, ADMIN, JOB_WORKER);

    private Roles() {
    }
}
