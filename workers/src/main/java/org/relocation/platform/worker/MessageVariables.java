package org.relocation.platform.worker;

import java.util.Set;

/**
 * Process variables a feature sets by correlating a message (a vendor's answer, for one): the deployment's contract
 * counts them as produced in every process, as the model-contract test does. One bean per feature that has some.
 */
public interface MessageVariables {

    /** The variables the feature's correlated messages set. */
    Set<String> variables();
}
