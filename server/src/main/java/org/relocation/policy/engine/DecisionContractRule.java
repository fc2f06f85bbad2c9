package org.relocation.policy.engine;

import org.operaton.bpm.model.dmn.Dmn;
import org.operaton.bpm.model.dmn.DmnModelInstance;
import org.operaton.bpm.model.dmn.instance.Decision;
import org.operaton.bpm.model.dmn.instance.DecisionTable;
import org.operaton.bpm.model.dmn.instance.Input;
import org.operaton.bpm.model.dmn.instance.Output;
import org.relocation.platform.deployment.ModelRule;
import org.relocation.policy.DecisionContract;
import org.relocation.policy.PolicyService;
import org.relocation.processes.model.ElementLines;
import org.relocation.processes.model.ModelProblem;
import org.relocation.processes.model.Severity;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rule {@code dmn-contract}: a deployed decision table keeps what the policy service passes and reads
 * ({@link PolicyService#CONTRACT}). Errors: a decision no worker evaluates, an input expression the service does not
 * pass, an output it reads removed, a typeRef or the hit policy changed. An output nobody reads is a warning. The rates
 * and conditions in the rules are the process owner's to change; a dropped input column is too.
 */
@Component
class DecisionContractRule implements ModelRule {

    static final String DMN_CONTRACT = "dmn-contract";

    private final Map<String, DecisionContract> contract;

    DecisionContractRule() {
        this(PolicyService.CONTRACT);
    }

    DecisionContractRule(Map<String, DecisionContract> contract) {
        this.contract = Map.copyOf(contract);
    }

    @Override
    public List<ModelProblem> problems(String file, byte[] content) {
        String name = file.toLowerCase(Locale.ROOT);
        if (!name.endsWith(".dmn") && !name.endsWith(".dmn11.xml")) {
            return List.of();
        }
        DmnModelInstance model;
        try {
            model = Dmn.readModelFromStream(new ByteArrayInputStream(content));
        } catch (RuntimeException e) {
            return List.of(); // file-is-model names it
        }
        Problems problems = new Problems(file, ElementLines.of(content));
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            check(decision, problems);
        }
        return problems.list;
    }

    private void check(Decision decision, Problems p) {
        String id = decision.getId();
        DecisionContract expected = contract.get(id);
        if (expected == null) {
            p.error(id, "No worker evaluates decision " + id + ": the policy service evaluates " + new TreeSet<>(contract.keySet())
                    + ". Keep the decision id of the table you changed; a new decision table needs a developer.");
            return;
        }
        if (!(decision.getExpression() instanceof DecisionTable table)) {
            return; // dmn-conventions names it
        }
        String hitPolicy = (table.getHitPolicy() == null ? "UNIQUE" : table.getHitPolicy().name())
                + (table.getAggregation() == null ? "" : " " + table.getAggregation().name());
        if (!hitPolicy.equals(expected.hitPolicy())) {
            p.error(table.getId() == null ? id : table.getId(), "The hit policy of decision " + id + " is " + hitPolicy
                    + "; the policy service reads it as " + expected.hitPolicy() + ": keep the hit policy " + expected.hitPolicy());
        }
        for (Input input : table.getInputs()) {
            String expression = input.getInputExpression() == null || input.getInputExpression().getText() == null ? ""
                    : input.getInputExpression().getText().getTextContent().trim();
            String element = input.getId() == null ? id : input.getId();
            String typeRef = expected.inputs().get(expression);
            if (typeRef == null) {
                p.error(element, "Input " + label(input.getLabel(), element) + " of decision " + id + " reads " + (expression.isEmpty() ? "nothing" : expression)
                        + ", which the policy service does not pass: it passes " + new TreeSet<>(expected.inputs().keySet())
                        + ". Use one of them as the input expression.");
            } else if (!Objects.equals(typeRef, input.getInputExpression().getTypeRef())) {
                p.error(element, "Input " + expression + " of decision " + id + " has type " + input.getInputExpression().getTypeRef()
                        + "; the policy service passes it as " + typeRef + ": keep the type " + typeRef);
            }
        }
        Set<String> outputs = new HashSet<>();
        for (Output output : table.getOutputs()) {
            String element = output.getId() == null ? id : output.getId();
            outputs.add(output.getName());
            String typeRef = expected.outputs().get(output.getName());
            if (typeRef == null) {
                p.add(element, Severity.WARNING, "Output " + output.getName() + " of decision " + id
                        + " is read by no worker: the policy service reads " + new TreeSet<>(expected.outputs().keySet())
                        + ", so this column has no effect on a case");
            } else if (!Objects.equals(typeRef, output.getTypeRef())) {
                p.error(element, "Output " + output.getName() + " of decision " + id + " has type " + output.getTypeRef()
                        + "; the policy service reads it as " + typeRef + ": keep the type " + typeRef);
            }
        }
        for (String missing : expected.outputs().keySet()) {
            if (!outputs.contains(missing)) {
                p.error(id, "Decision " + id + " has no output " + missing + ", which the policy service reads: keep the output "
                        + missing + " (type " + expected.outputs().get(missing) + ")");
            }
        }
    }

    private static String label(String label, String id) {
        return label == null || label.isBlank() ? id : "'" + label + "'";
    }

    /** The problems of one file, each placed at its element's start tag. */
    private static final class Problems {
        private final String file;
        private final ElementLines lines;
        private final List<ModelProblem> list = new ArrayList<>();

        Problems(String file, ElementLines lines) {
            this.file = file;
            this.lines = lines;
        }

        void error(String elementId, String message) {
            add(elementId, Severity.ERROR, message);
        }

        void add(String elementId, Severity severity, String message) {
            ElementLines.Position at = lines.of(elementId);
            list.add(new ModelProblem(file, elementId, at.line(), at.column(), severity, DMN_CONTRACT, message));
        }
    }
}
