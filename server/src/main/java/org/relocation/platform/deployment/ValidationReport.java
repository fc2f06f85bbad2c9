package org.relocation.platform.deployment;

import org.relocation.processes.model.ModelProblem;

import java.util.List;
import java.util.Map;

/**
 * What the {@link DeploymentValidator} found in a deployment: every problem with its file, element id, line, column,
 * severity, rule and sentence; errors refuse the deployment, warnings do not. {@code carriedForms}: forms a task needs
 * that the deployment lacks and that are taken from the latest deployed form of that key (form key → that form).
 */
public record ValidationReport(List<ModelProblem> problems, Map<String, DeployedModels.DeployedForm> carriedForms) {

    public ValidationReport {
        problems = List.copyOf(problems);
        carriedForms = Map.copyOf(carriedForms);
    }

    public List<ModelProblem> errors() {
        return problems.stream().filter(ModelProblem::error).toList();
    }

    public List<ModelProblem> warnings() {
        return problems.stream().filter(p -> !p.error()).toList();
    }

    /** This report with one more problem. */
    ValidationReport with(ModelProblem problem) {
        List<ModelProblem> all = new java.util.ArrayList<>(problems);
        all.add(problem);
        return new ValidationReport(all, carriedForms);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(ModelProblem::error);
    }
}
