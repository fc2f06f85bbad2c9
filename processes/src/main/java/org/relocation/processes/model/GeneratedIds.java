package org.relocation.processes.model;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Ids a modelling tool made up rather than a person: Camunda Modeler's {@code Activity_0abc12x}, {@code Flow_1x2y3z4},
 * {@code Gateway_…}, {@code DecisionRule_…}, older {@code SequenceFlow_0abcdef}, numbered {@code StartEvent_1}, and
 * {@code <type>_<uuid>} or {@code sid-<uuid>} of other tools. Such ids say nothing in logs, reports, task lists and
 * migration plans, which name elements by id.
 */
public final class GeneratedIds {

    private static final List<Pattern> PATTERNS = List.of(
            // bpmn-js / dmn-js: a type and 7 base-36 characters, with at least one digit
            Pattern.compile("[A-Z][A-Za-z]*_(?=[0-9a-z]*[0-9])[0-9a-z]{7}"),
            // numbered defaults: StartEvent_1, Process_1, Definitions_1
            Pattern.compile("[A-Z][A-Za-z]*_[0-9]+"),
            // a type and a UUID (Process_<uuid>, sid-<uuid>, _<uuid>), or a bare UUID
            Pattern.compile("(?:[A-Za-z]+_|sid-|_)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"));

    private GeneratedIds() {
    }

    /** Whether a tool made this id up. */
    public static boolean isGenerated(String id) {
        return id != null && PATTERNS.stream().anyMatch(p -> p.matcher(id).matches());
    }
}
