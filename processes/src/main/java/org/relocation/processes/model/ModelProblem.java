package org.relocation.processes.model;

import java.util.Objects;

/**
 * One problem of one model file: where it is (file, element id, line and column of the element's start tag, 0 when
 * unknown), how much it weighs, which rule found it and a plain sentence for the process owner who changed the model.
 */
public record ModelProblem(String file, String elementId, int line, int column, Severity severity, String rule,
                           String message) {

    public ModelProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    public boolean error() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + " " + severity + " [" + rule + "] " + (elementId == null ? "" : elementId + ": ")
                + message;
    }
}
