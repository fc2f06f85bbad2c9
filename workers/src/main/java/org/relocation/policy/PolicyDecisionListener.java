package org.relocation.policy;

import org.relocation.relocationcase.RelocationCase;

import java.util.Map;

/** Told of every policy decision recorded for a case, in the same transaction (the decision log listens). */
public interface PolicyDecisionListener {

    void decided(RelocationCase c, PolicyDecision decision, Map<String, Object> inputs, PolicyRules.Evaluation evaluation);
}
