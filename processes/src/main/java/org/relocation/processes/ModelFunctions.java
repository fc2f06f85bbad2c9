package org.relocation.processes;

import org.operaton.bpm.engine.impl.util.ClockUtil;

/**
 * Functions the models' expressions call instead of reaching into objects (which the server's deployment policy
 * refuses): part of the models' language, so every engine that runs them registers them ({@link ModelFunctionsPlugin}:
 * the server, the process tests); the server lists them in {@code relocation.deployment.functions}.
 */
public final class ModelFunctions {

    private ModelFunctions() {
    }

    /**
     * {@code camunda:collection="${csvItems(exceptionIds)}"}: the items of a comma-separated text, trimmed, blanks left
     * out (a multi-instance activity's collection).
     */
    public static java.util.List<String> csvItems(String text) {
        if (text == null) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** {@code ${nowInstant()}}: the engine clock's current instant in ISO-8601 (e.g. 2027-03-01T08:00:00Z). */
    public static String nowInstant() {
        return ClockUtil.getCurrentTime().toInstant().toString();
    }
}
