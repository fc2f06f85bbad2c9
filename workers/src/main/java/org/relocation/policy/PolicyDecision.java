package org.relocation.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** One evaluation of a policy decision table for a case, with its inputs and outputs (JSON) and the deployed version. */
@Entity
@Immutable
@Table(name = "policy_decision")
public class PolicyDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", updatable = false)
    private Long caseId;
    @Column(updatable = false)
    private String decisionKey;
    @Column(updatable = false)
    private String decisionName;
    @Column(updatable = false)
    private String definitionId;
    @Column(updatable = false)
    private int definitionVersion;
    @Column(updatable = false)
    private String inputs;
    @Column(updatable = false)
    private String outputs;
    @Column(updatable = false)
    private Instant evaluatedAt;

    protected PolicyDecision() {
    }

    PolicyDecision(Long caseId, String decisionKey, PolicyRules.Evaluation evaluation, String inputs, String outputs, Instant evaluatedAt) {
        this.caseId = caseId;
        this.decisionKey = decisionKey;
        this.decisionName = evaluation.decisionName();
        this.definitionId = evaluation.definitionId();
        this.definitionVersion = evaluation.version();
        this.inputs = inputs;
        this.outputs = outputs;
        this.evaluatedAt = evaluatedAt;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public String getDecisionKey() { return decisionKey; }
    public String getDecisionName() { return decisionName; }
    public String getDefinitionId() { return definitionId; }
    public int getDefinitionVersion() { return definitionVersion; }
    /** JSON object of the input variables. */
    public String getInputs() { return inputs; }
    /** JSON array of the matched rows' outputs. */
    public String getOutputs() { return outputs; }
    public Instant getEvaluatedAt() { return evaluatedAt; }
}
