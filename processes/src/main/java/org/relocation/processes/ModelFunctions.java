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

    /**
     * {@code ${serviceOf(destinationService)}}: the service code of a per-case or per-traveller service item
     * ({@code school-search:412} is {@code school-search}), as relocation-destination-services orders them.
     */
    public static String serviceOf(String item) {
        if (item == null) {
            return "";
        }
        int colon = item.indexOf(':');
        return (colon < 0 ? item : item.substring(0, colon)).trim();
    }

    /**
     * {@code ${travellerOf(destinationService)}}: the traveller id of a per-traveller service item
     * ({@code school-search:412} is {@code 412}); empty for a service of the whole case or family.
     */
    public static String travellerOf(String item) {
        if (item == null) {
            return "";
        }
        int colon = item.indexOf(':');
        return colon < 0 ? "" : item.substring(colon + 1).trim();
    }

    /** {@code ${nowInstant()}}: the engine clock's current instant in ISO-8601 (e.g. 2027-03-01T08:00:00Z). */
    public static String nowInstant() {
        return ClockUtil.getCurrentTime().toInstant().toString();
    }

    /** The model settings and their defaults ({@code relocation.model-settings.<name>} on the server). */
    private static final java.util.Map<String, String> DEFAULT_SETTINGS = java.util.Map.of(
            "vendor-sla-watch-cycle", "R/PT15M");
    private static volatile java.util.Map<String, String> settings = DEFAULT_SETTINGS;

    /**
     * {@code ${setting('vendor-sla-watch-cycle')}}: an operator's setting a model reads (e.g. the cycle of a timer start
     * event, evaluated when the model is deployed); an unknown name fails the expression.
     */
    public static String setting(String name) {
        String value = settings.get(name);
        if (value == null) {
            throw new IllegalArgumentException("No model setting " + name + "; known: " + new java.util.TreeSet<>(settings.keySet()));
        }
        return value;
    }

    /** Sets the model settings: the defaults, overridden by the given ones (the server's relocation.model-settings). */
    public static void configureSettings(java.util.Map<String, String> overrides) {
        java.util.Map<String, String> merged = new java.util.HashMap<>(DEFAULT_SETTINGS);
        overrides.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                merged.put(k, v.trim());
            }
        });
        settings = java.util.Map.copyOf(merged);
    }
}
