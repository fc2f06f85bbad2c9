package org.relocation.platform.deployment;

import org.relocation.processes.model.ModelProblem;

import java.util.List;

/**
 * A rule a feature adds to the validation of every deployment, for the facts only it knows (the decision tables its
 * workers evaluate, for one): the platform names no feature, each rule is a bean. It is given each BPMN and DMN file of a
 * deployment that is not exempt ({@code relocation.deployment.contract.exempt-keys}) and answers its problems, each
 * naming the file and the element (rule id, severity, a sentence for the process owner); errors refuse the deployment.
 */
public interface ModelRule {

    /**
     * The problems of one file (name as deployed, content); none for a file of a kind the rule does not check, or one
     * the model API cannot read (rule {@code file-is-model} names that).
     */
    List<ModelProblem> problems(String file, byte[] content);
}
