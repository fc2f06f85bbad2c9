package org.relocation.modelchange;

import java.util.List;

/** A change the validator or the engine refuses: every problem named (file, element, line, rule, sentence); nothing deployed. */
public class ModelChangeRefusedException extends RuntimeException {

    private final transient List<ChangeReport.Problem> problems;

    public ModelChangeRefusedException(List<ChangeReport.Problem> problems) {
        super("Deployment refused: " + problems.stream().filter(p -> p.severity() == org.relocation.processes.model.Severity.ERROR).count()
                + " errors; nothing was deployed");
        this.problems = List.copyOf(problems);
    }

    public List<ChangeReport.Problem> getProblems() {
        return problems;
    }
}
