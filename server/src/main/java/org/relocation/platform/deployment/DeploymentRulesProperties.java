package org.relocation.platform.deployment;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code relocation.deployment}: what a deployed model may reference besides variables (see {@link DeploymentPolicy}).
 * An operator's setting: a deployment cannot widen it.
 */
@ConfigurationProperties("relocation.deployment")
class DeploymentRulesProperties {

    /** Spring beans a {@code camunda:delegateExpression} may name (none: every automated step is a job worker). */
    private Set<String> delegateBeans = new LinkedHashSet<>();
    /** Functions an expression may call ({@link org.relocation.processes.ModelFunctions}). */
    private Set<String> functions = new LinkedHashSet<>(Set.of("csvItems", "nowInstant", "serviceOf", "travellerOf", "setting"));
    /** Expressions allowed verbatim although they reach into an object (vetted by the operator). */
    private Set<String> allowedExpressions = new LinkedHashSet<>(Set.of("#{execution.processBusinessKey}"));

    public Set<String> getDelegateBeans() {
        return delegateBeans;
    }

    public void setDelegateBeans(Set<String> delegateBeans) {
        this.delegateBeans = delegateBeans;
    }

    public Set<String> getFunctions() {
        return functions;
    }

    public void setFunctions(Set<String> functions) {
        this.functions = functions;
    }

    public Set<String> getAllowedExpressions() {
        return allowedExpressions;
    }

    public void setAllowedExpressions(Set<String> allowedExpressions) {
        this.allowedExpressions = allowedExpressions;
    }

    /** {@code relocation.deployment.contract}: the journey's contract rules ({@link DeploymentValidator}). */
    private Contract contract = new Contract();

    public Contract getContract() {
        return contract;
    }

    public void setContract(Contract contract) {
        this.contract = contract;
    }

    /** Settings of the contract rules. */
    public static class Contract {

        /**
         * Process and decision keys (file base names) that get the no-code rule only, not the modelling and contract
         * rules: throwaway models an operator vouches for (the test profile lists its fixtures). Empty by default.
         */
        private Set<String> exemptKeys = new LinkedHashSet<>();

        public Set<String> getExemptKeys() {
            return exemptKeys;
        }

        public void setExemptKeys(Set<String> exemptKeys) {
            this.exemptKeys = exemptKeys;
        }
    }

    DeploymentPolicy.DeploymentRules rules() {
        return new DeploymentPolicy.DeploymentRules(Set.copyOf(delegateBeans), Set.copyOf(functions), Set.copyOf(allowedExpressions));
    }
}
