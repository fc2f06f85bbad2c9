package org.relocation.platform.deployment;

import java.util.Map;
import java.util.Set;

/**
 * What the server's beans say a model may use: the topics its job workers serve ({@code CaseWorker.topic()}) with the
 * variables each fetches and sets, per form id the fields its task-form handler reads or shows ({@code fields()} ∪
 * {@code displayFields()}), and the variables correlated messages set.
 */
record ContractFacts(Set<String> topics, Map<String, Set<String>> handlerFields, Map<String, Set<String>> workerInputs,
                     Map<String, Set<String>> workerOutputs, Set<String> messageVariables) {

    ContractFacts {
        topics = Set.copyOf(topics);
        handlerFields = Map.copyOf(handlerFields);
        workerInputs = Map.copyOf(workerInputs);
        workerOutputs = Map.copyOf(workerOutputs);
        messageVariables = Set.copyOf(messageVariables);
    }
}
