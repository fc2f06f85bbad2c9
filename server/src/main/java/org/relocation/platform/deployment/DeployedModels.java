package org.relocation.platform.deployment;

import org.operaton.bpm.model.bpmn.BpmnModelInstance;

import java.util.Map;
import java.util.Optional;

/** What is deployed already, as far as the contract rules need it: the latest form and process of a key. */
interface DeployedModels {

    /** A deployed form: its resource name in its deployment and its content. */
    record DeployedForm(String resourceName, byte[] content) {
    }

    /** The latest deployed form of this key (the form-js {@code id}), if any. */
    Optional<DeployedForm> latestForm(String key);

    /** Whether a process of this key is deployed. */
    boolean processExists(String key);

    /** The latest deployed version of every process, by key. */
    Map<String, BpmnModelInstance> latestProcesses();

    /** Nothing deployed: the check of the shipped set, or a test. */
    DeployedModels NONE = new DeployedModels() {
        @Override
        public Optional<DeployedForm> latestForm(String key) {
            return Optional.empty();
        }

        @Override
        public boolean processExists(String key) {
            return false;
        }

        @Override
        public Map<String, BpmnModelInstance> latestProcesses() {
            return Map.of();
        }
    };
}
