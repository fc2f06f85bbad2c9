package org.relocation.modelchange;

import io.swagger.v3.oas.annotations.media.Schema;
import org.relocation.processes.model.ModelDiff;
import org.relocation.processes.model.ModelProblem;
import org.relocation.processes.model.Severity;

import java.util.List;

/**
 * What a change of models would do if deployed now: the validator's answer (the same rules as a real deployment, against
 * what is deployed), the files with the deployed version each replaces, the forms kept from the deployed ones, and each
 * file's differences from its deployed version.
 */
@Schema(name = "ModelChangeReport", description = "The validation of changed models (the same rules as a deployment, against what is "
        + "deployed now) and their differences from the deployed versions. valid: no error; warnings do not refuse.")
public record ChangeReport(boolean valid, int errors, int warnings, List<Problem> problems, List<Resource> resources,
                           @Schema(description = "Forms the tasks of the changed processes need that the change does not hold: "
                                   + "the latest deployed form of each key is deployed with it") List<String> carriedForms,
                           List<Diff> diffs) {

    public ChangeReport {
        problems = List.copyOf(problems);
        resources = List.copyOf(resources);
        carriedForms = List.copyOf(carriedForms);
        diffs = List.copyOf(diffs);
    }

    /** Kinds of model: a BPMN process, a DMN decision table, a form-js form. */
    public static final String PROCESS = "process";
    public static final String DECISION = "decision";
    public static final String FORM = "form";

    /** One problem: where (file, element, line, column), how much it weighs, which rule found it, and a sentence. */
    @Schema(name = "ModelChangeProblem", description = "A problem of a changed model: ERROR refuses the deployment, WARNING does not")
    public record Problem(@Schema(example = "relocation-benefits.bpmn", description = "The file; (deployment) for the deployment as a whole")
                          String file,
                          @Schema(example = "determine-benefits-coverage", description = "The element's id, if the problem has one") String elementId,
                          @Schema(description = "Line of the element's start tag in the file; 0 when unknown") int line,
                          @Schema(description = "Column of the element's start tag; 0 when unknown") int column,
                          Severity severity,
                          @Schema(example = "topic-has-worker", description = "The rule (docs/process-owners.md, \"What the server validates\")")
                          String rule,
                          @Schema(example = "no job worker serves topic determine-perks of step determine-benefits-coverage") String message) {

        public static Problem of(ModelProblem p) {
            return new Problem(p.file(), p.elementId(), p.line(), p.column(), p.severity(), p.rule(), p.message());
        }
    }

    /** A file of the change: what it is and which deployed version it replaces. */
    @Schema(name = "ModelChangeResource", description = "A file of the change: its kind, its key (process id, decision id or form id) "
            + "and the deployed version it replaces (null: new)")
    public record Resource(@Schema(example = "relocation-allowances.dmn") String file,
                           @Schema(allowableValues = {PROCESS, DECISION, FORM}, example = DECISION) String kind,
                           @Schema(example = "relocation-allowances") String key,
                           @Schema(description = "The latest deployed version of the key; null when none is deployed") Integer deployedVersion) {
    }

    /** A model's differences from the latest deployed version of its key. */
    @Schema(name = "ModelChangeDiff", description = "The differences of one model of the change from the latest deployed version of its "
            + "key, one sentence each (\"old → new\"). Processes: elements added, removed, changed, moved in the diagram only (LAYOUT). "
            + "Decisions: hit policy, columns, rules added, removed, changed cell by cell, and MOVED where the first matching rule wins. "
            + "Forms: fields by key added, removed, changed (type, label, required, values, limits).")
    public record Diff(@Schema(example = "relocation-allowances.dmn") String file,
                       @Schema(allowableValues = {PROCESS, DECISION, FORM}, example = DECISION) String kind,
                       @Schema(example = "relocation-allowances") String key,
                       @Schema(description = "The deployed version compared against; null: nothing deployed, everything is new")
                       Integer againstVersion,
                       List<Difference> differences) {
    }

    /** One difference: which element, what happened to it, in a sentence; attention marks what needs a second look. */
    @Schema(name = "ModelChangeDifference", description = "One difference of a model from its deployed version")
    public record Difference(ModelDiff.Kind change,
                             @Schema(example = "rule-long-term-band-c", description = "The element, DMN rule or column, or form field key")
                             String elementId,
                             @Schema(example = "rule", description = "The element's type: a BPMN element type, rule, input column, "
                                     + "output column, decision, or a form field's type") String elementType,
                             @Schema(example = "rule-long-term-band-c of relocation-allowances: housingCapMonthly 3200 → 3500") String sentence,
                             @Schema(description = "Why this needs a second look (a new required field, a removed field the server "
                                     + "reads); null when nothing stands out") String attention) {

        public static Difference of(ModelDiff.Change c) {
            return new Difference(c.kind(), c.elementId(), c.elementType(), c.sentence(), null);
        }
    }
}
