package org.relocation.relocationcase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** A form a person submitted for one of the case's user tasks, kept as submitted (see {@link TaskSubmissions}). */
@Entity
@Immutable
@Table(name = "task_submission")
public class TaskSubmission {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private Long caseId;

    @Column(name = "task_id", nullable = false, updatable = false, length = 64)
    private String taskId;

    @Column(name = "task_key", nullable = false, updatable = false)
    private String taskKey;

    @Column(name = "task_name", updatable = false)
    private String taskName;

    @Column(name = "form_id", nullable = false, updatable = false)
    private String formId;

    @Column(name = "process_definition_id", nullable = false, updatable = false, length = 64)
    private String processDefinitionId;

    @Column(name = "deployment_id", updatable = false, length = 64)
    private String deploymentId;

    @Column(nullable = false, updatable = false)
    private String fields;

    @Column(name = "task_context", nullable = false, updatable = false, length = 2000)
    private String taskContext;

    @Column(name = "submitted_by", nullable = false, updatable = false, length = 64)
    private String submittedBy;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    private Instant submittedAt;

    protected TaskSubmission() {
    }

    TaskSubmission(Long caseId, String taskId, String taskKey, String taskName, String formId, String processDefinitionId,
                   String deploymentId, String fields, String taskContext, String submittedBy, Instant submittedAt) {
        this.caseId = caseId;
        this.taskId = taskId;
        this.taskKey = taskKey;
        this.taskName = taskName;
        this.formId = formId;
        this.processDefinitionId = processDefinitionId;
        this.deploymentId = deploymentId;
        this.fields = fields;
        this.taskContext = taskContext;
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public String getTaskId() { return taskId; }
    public String getTaskKey() { return taskKey; }
    public String getTaskName() { return taskName; }
    public String getFormId() { return formId; }
    public String getProcessDefinitionId() { return processDefinitionId; }
    public String getDeploymentId() { return deploymentId; }
    /** The fields as submitted: a JSON object. */
    public String getFields() { return fields; }
    /** What the task knew besides its form (task-local ids): a JSON object. */
    public String getTaskContext() { return taskContext; }
    public String getSubmittedBy() { return submittedBy; }
    public Instant getSubmittedAt() { return submittedAt; }
}
