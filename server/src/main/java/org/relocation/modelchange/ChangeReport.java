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

    /**
     * A model's differences from the latest deployed version of its key (design §9): elements added, removed and changed
     * (with one sentence per change), elements moved in the diagram only, and for decision tables the rules, for forms
     * the fields.
     */
    @Schema(name = "ModelChangeDiff", description = "The differences of one model of the change from the latest deployed version of its "
            + "key, each change one sentence (\"old → new\"). Processes: elements (flow nodes, flows, lanes, messages...) added, removed, "
            + "changed, and layoutOnly (moved in the diagram only). Decisions: the decision and its columns in added/removed/changed, "
            + "its rules in rules (changed cell by cell; moved where the first matching rule wins). Forms: fields by key "
            + "(type, label, required, values, limits).")
    public record Diff(@Schema(example = "relocation-allowances.dmn") String file,
                       @Schema(allowableValues = {PROCESS, DECISION, FORM}, example = DECISION) String kind,
                       @Schema(example = "relocation-allowances") String key,
                       @Schema(description = "The deployed version compared against; null: nothing deployed, everything is new")
                       Integer againstVersion,
                       List<Element> added, List<Element> removed, List<Element> changed,
                       @Schema(description = "Ids of elements moved or reshaped in the diagram only") List<String> layoutOnly,
                       Rules rules, Fields fields) {

        /** The differences of one file, grouped; {@code names}: an element's name by id where a difference has none. */
        public static Diff of(String file, String kind, String key, Integer againstVersion, List<Difference> differences,
                              java.util.function.Function<String, String> names) {
            Lists elements = new Lists();
            Lists rules = new Lists();
            Lists fields = new Lists();
            List<String> layoutOnly = new java.util.ArrayList<>();
            List<String> moved = new java.util.ArrayList<>();
            for (Difference d : differences) {
                Lists target = FORM.equals(kind) ? fields : "rule".equals(d.elementType()) ? rules : elements;
                String name = d.name() != null ? d.name() : names.apply(d.elementId());
                switch (d.change()) {
                    case LAYOUT -> layoutOnly.add(d.elementId());
                    case MOVED -> moved.add(d.sentence());
                    case ADDED -> target.added.add(new Element(d.elementId(), d.elementType(), name, List.of(d.sentence()), d.attention()));
                    case REMOVED -> target.removed.add(new Element(d.elementId(), d.elementType(), name, List.of(d.sentence()), d.attention()));
                    case CHANGED -> target.changed.merge(d.elementId(), new Element(d.elementId(), d.elementType(), name,
                            List.of(withoutId(d.elementId(), d.sentence())), d.attention()), Element::and);
                }
            }
            return new Diff(file, kind, key, againstVersion, elements.added, elements.removed, List.copyOf(elements.changed.values()),
                    layoutOnly, new Rules(rules.added, rules.removed, List.copyOf(rules.changed.values()), moved),
                    new Fields(fields.added, fields.removed, List.copyOf(fields.changed.values())));
        }

        /** "approve-budget: candidateGroups a → b" → "candidateGroups a → b" (the element is named beside it). */
        private static String withoutId(String id, String sentence) {
            return id != null && sentence.startsWith(id + ": ") ? sentence.substring(id.length() + 2) : sentence;
        }

        private static final class Lists {
            final List<Element> added = new java.util.ArrayList<>();
            final List<Element> removed = new java.util.ArrayList<>();
            final java.util.Map<String, Element> changed = new java.util.LinkedHashMap<>();
        }
    }

    /** An element, rule, column or field of a diff, with the sentences of what changed. */
    @Schema(name = "ModelChangeElement", description = "An element of a model (BPMN element, DMN decision, column or rule, form field) "
            + "that was added, removed or changed, with one sentence per change")
    public record Element(@Schema(example = "rule-long-term-executive-band-a", description = "Its id (a form field: its key)") String id,
                          @Schema(example = "rule", description = "A BPMN element type (user task, sequence flow...), decision, input "
                                  + "column, output column, rule, or a form field's type") String type,
                          @Schema(example = "Long-term executive, band A", description = "Its name, label or description, if any") String name,
                          @Schema(description = "What changed, one sentence each (for an added or removed element: what it was)")
                          List<String> changes,
                          @Schema(description = "Why this needs a second look (a new or newly required form field, a removed field the "
                                  + "server reads); null when nothing stands out") String attention) {

        Element and(Element more) {
            List<String> all = new java.util.ArrayList<>(changes);
            all.addAll(more.changes);
            return new Element(id, type, name, all, attention != null ? attention : more.attention);
        }
    }

    /** A decision table's rules: added, removed, changed cell by cell, and moved. */
    @Schema(name = "ModelChangeRules", description = "The rules of a decision table (empty for processes and forms)")
    public record Rules(List<Element> added, List<Element> removed, List<Element> changed,
                        @Schema(description = "Rules whose place changed where the first matching rule wins, one sentence each")
                        List<String> moved) {
    }

    /** A form's fields by key. */
    @Schema(name = "ModelChangeFields", description = "The fields of a form by key (empty for processes and decision tables)")
    public record Fields(List<Element> added, List<Element> removed, List<Element> changed) {
    }

    /**
     * One difference as the diffs find it (not in the API: {@link Diff#of} groups them): what happened to which element,
     * its name if known, a sentence, and why it needs a second look.
     */
    public record Difference(ModelDiff.Kind change, String elementId, String elementType, String name, String sentence, String attention) {

        public static Difference of(ModelDiff.Change c) {
            return new Difference(c.kind(), c.elementId(), c.elementType(), null, c.sentence(), null);
        }
    }
}
