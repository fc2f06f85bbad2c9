package org.relocation.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the policy service passes to one decision table and reads from it: the table's hit policy (as the DMN file
 * spells it, {@code FIRST} or {@code COLLECT}), its input expressions (the variable names it is evaluated with) and its
 * outputs (the names read), each with its DMN {@code typeRef}. A deployed table must keep it: the deployment check
 * ({@code DecisionContractRule}) and the model-contract test read it from {@link PolicyService#CONTRACT}.
 */
public record DecisionContract(String hitPolicy, Map<String, String> inputs, Map<String, String> outputs) {

    public DecisionContract {
        inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        outputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    /** A contract from {@code name:typeRef} pairs, in the table's column order. */
    static DecisionContract of(String hitPolicy, List<String> inputs, List<String> outputs) {
        return new DecisionContract(hitPolicy, typed(inputs), typed(outputs));
    }

    private static Map<String, String> typed(List<String> columns) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String column : columns) {
            int colon = column.indexOf(':');
            typed.put(column.substring(0, colon), column.substring(colon + 1));
        }
        return typed;
    }
}
