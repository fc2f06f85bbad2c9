package org.relocation.platform.deployment;

import org.operaton.bpm.engine.ParseException;
import org.operaton.bpm.engine.Problem;
import org.operaton.bpm.engine.impl.bpmn.parser.ResourceReportImpl;
import org.relocation.processes.model.ModelProblem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deployment refused by the {@link DeploymentValidator}: a {@link ParseException}, so the engine REST API answers 400
 * with one resource report per file ({@code details.<file>.errors[]/warnings[]}, each with its message, line, column and
 * {@code mainElementId}). The message names every error as {@code file: elementId: sentence} (up to 20), for a client
 * that shows only the message.
 */
public class DeploymentRefusedException extends ParseException {

    static final int LISTED = 20;

    DeploymentRefusedException(ValidationReport report) {
        this(byFile(report.problems()), report.errors());
    }

    private DeploymentRefusedException(Map<String, List<ModelProblem>> byFile, List<ModelProblem> errors) {
        super(message(errors), first(byFile), problems(byFile.get(first(byFile)), true), problems(byFile.get(first(byFile)), false));
        byFile.forEach((file, problems) -> {
            if (!file.equals(first(byFile))) {
                resourceReports.add(new ResourceReportImpl(file, problems(problems, true), problems(problems, false)));
            }
        });
    }

    private static Map<String, List<ModelProblem>> byFile(List<ModelProblem> problems) {
        Map<String, List<ModelProblem>> byFile = new LinkedHashMap<>();
        // files with errors first, so that the first report is one that refuses
        problems.stream().filter(ModelProblem::error).forEach(p -> byFile.computeIfAbsent(p.file(), f -> new ArrayList<>()));
        problems.forEach(p -> byFile.computeIfAbsent(p.file(), f -> new ArrayList<>()).add(p));
        return byFile;
    }

    private static String first(Map<String, List<ModelProblem>> byFile) {
        return byFile.isEmpty() ? "" : byFile.keySet().iterator().next();
    }

    private static String message(List<ModelProblem> errors) {
        StringBuilder message = new StringBuilder("Deployment refused:");
        errors.stream().limit(LISTED).forEach(p -> message.append('\n').append(p.file()).append(": ")
                .append(p.elementId() == null || p.elementId().isEmpty() ? "-" : p.elementId()).append(": ").append(p.message()));
        if (errors.size() > LISTED) {
            message.append("\n... and ").append(errors.size() - LISTED).append(" more errors");
        }
        return message.toString();
    }

    private static List<Problem> problems(List<ModelProblem> problems, boolean errors) {
        return problems == null ? List.of() : problems.stream().filter(p -> p.error() == errors).<Problem>map(Reported::new).toList();
    }

    /** One problem as the engine REST API reports it; the rule id ends the sentence. */
    private record Reported(ModelProblem problem) implements Problem {
        @Override
        public String getMessage() {
            return problem.message() + " [" + problem.rule() + "]";
        }

        @Override
        public int getLine() {
            return problem.line();
        }

        @Override
        public int getColumn() {
            return problem.column();
        }

        @Override
        public String getMainElementId() {
            return problem.elementId();
        }

        @Override
        public List<String> getElementIds() {
            return problem.elementId() == null ? List.of() : List.of(problem.elementId());
        }
    }
}
