package org.relocation.platform.deployment;

import java.util.Map;
import java.util.Set;

/**
 * What the server's beans say a model may use: the topics its job workers serve ({@code CaseWorker.topic()}) and, per
 * form id, the fields its task-form handler reads or shows ({@code fields()} ∪ {@code displayFields()}).
 */
record ContractFacts(Set<String> topics, Map<String, Set<String>> handlerFields) {

    ContractFacts {
        topics = Set.copyOf(topics);
        handlerFields = Map.copyOf(handlerFields);
    }
}
