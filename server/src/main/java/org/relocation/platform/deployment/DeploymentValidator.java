package org.relocation.platform.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.bpmn.instance.Process;
import org.operaton.bpm.engine.Problem;
import org.relocation.processes.model.ElementLines;
import org.relocation.processes.model.ModelProblem;
import org.relocation.processes.model.ModellingRules;
import org.relocation.processes.model.Severity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The one validation of a deployment, whichever route it takes: for each BPMN and DMN file the no-code rule
 * ({@link DeploymentPolicy}), the modelling rules ({@link ModellingRules}) and the journey's contract
 * ({@link ContractRules}, {@link VariableRules}, and the features' {@link ModelRule}s, such as the decision tables'
 * contract with the workers). Only the deployment's own files are checked, against what is deployed
 * (forms, called processes): the deployed set itself passed these rules, so every problem found is a new one.
 * A file whose base name is an exempt key gets the no-code rule only.
 */
final class DeploymentValidator {

    static final String NO_CODE = "no-code";
    static final String FILE_IS_FORM = "file-is-form";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DeploymentPolicy noCode;
    private final Set<String> exemptKeys;

    DeploymentValidator(DeploymentPolicy noCode, Set<String> exemptKeys) {
        this.noCode = noCode;
        this.exemptKeys = Set.copyOf(exemptKeys);
    }

    /** The problems of a deployment's files (name → content), with the server's facts and the features' rules. */
    ValidationReport validate(Map<String, byte[]> files, ContractFacts facts, List<ModelRule> rules, DeployedModels deployed) {
        List<ModelProblem> problems = new ArrayList<>();
        Map<String, Set<String>> forms = new HashMap<>();
        files.forEach((file, content) -> {
            if (file.toLowerCase(Locale.ROOT).endsWith(".form")) {
                form(file, content, forms, problems);
            }
        });
        Map<String, BpmnModelInstance> contracted = new LinkedHashMap<>();
        Set<String> processes = new LinkedHashSet<>();
        files.forEach((file, content) -> {
            String name = file.toLowerCase(Locale.ROOT);
            boolean bpmn = name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
            boolean dmn = name.endsWith(".dmn") || name.endsWith(".dmn11.xml");
            if (!bpmn && !dmn) {
                return;
            }
            ElementLines lines = ElementLines.of(content);
            for (Problem p : noCode.check(content, dmn)) {
                String id = p.getMainElementId() == null || p.getMainElementId().isEmpty() ? null : p.getMainElementId();
                ElementLines.Position at = lines.of(id);
                problems.add(new ModelProblem(file, id, at.line(), at.column(), Severity.ERROR, NO_CODE, p.getMessage()));
            }
            if (exemptKeys.contains(baseName(file))) {
                return;
            }
            problems.addAll(ModellingRules.check(file, content));
            rules.forEach(rule -> problems.addAll(rule.problems(file, content)));
            if (bpmn) {
                read(content).ifPresent(model -> {
                    contracted.put(file, model);
                    model.getModelElementsByType(Process.class).forEach(p -> processes.add(p.getId()));
                });
            }
        });
        Map<String, DeployedModels.DeployedForm> carried = new HashMap<>();
        ContractRules.Candidate candidate = new ContractRules.Candidate(forms, processes);
        ContractRules.FormSource source = key -> {
            Optional<DeployedModels.DeployedForm> form = Optional.ofNullable(carried.get(key)).or(() -> deployed.latestForm(key));
            form.ifPresent(f -> carried.put(key, f));
            return form.map(f -> fieldKeys(f.content()));
        };
        contracted.forEach((file, model) -> ContractRules.check(file, files.get(file), model, facts, candidate, deployed, source, problems));
        Map<String, Set<String>> deployedForms = new HashMap<>();
        Function<String, Set<String>> formFields = key -> forms.containsKey(key) ? forms.get(key)
                : deployedForms.computeIfAbsent(key, k -> deployed.latestForm(k).map(f -> fieldKeys(f.content())).orElse(Set.of()));
        VariableRules.check(contracted, files, facts, formFields, deployed, exemptKeys, problems);
        return new ValidationReport(problems, carried);
    }

    /** The base name of a resource: without folders and extension. */
    static String baseName(String file) {
        String name = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static Optional<BpmnModelInstance> read(byte[] content) {
        try {
            return Optional.of(Bpmn.readModelFromStream(new ByteArrayInputStream(content)));
        } catch (RuntimeException e) {
            return Optional.empty(); // the modelling rules name the problem (file-is-model)
        }
    }

    private static void form(String file, byte[] content, Map<String, Set<String>> forms, List<ModelProblem> problems) {
        try {
            JsonNode form = JSON.readTree(content);
            String id = form == null ? "" : form.path("id").asText("");
            if (id.isBlank()) {
                problems.add(new ModelProblem(file, null, 0, 0, Severity.ERROR, FILE_IS_FORM, file + " is no form-js form: it has no id"));
                return;
            }
            forms.put(id, fieldKeys(form));
        } catch (IOException e) {
            problems.add(new ModelProblem(file, null, 0, 0, Severity.ERROR, FILE_IS_FORM, file + " is no form-js form: it is not JSON"));
        }
    }

    private static Set<String> fieldKeys(byte[] content) {
        try {
            return fieldKeys(JSON.readTree(content));
        } catch (IOException e) {
            return Set.of();
        }
    }

    private static Set<String> fieldKeys(JsonNode form) {
        Set<String> keys = new LinkedHashSet<>();
        collect(form == null ? null : form.path("components"), keys);
        return keys;
    }

    private static void collect(JsonNode components, Set<String> keys) {
        if (components == null) {
            return;
        }
        for (JsonNode c : components) {
            if ("dynamiclist".equals(c.path("type").asText()) && c.hasNonNull("path")) {
                keys.add(c.path("path").asText()); // a list field: its components are the fields of each item
                continue;
            }
            if (c.has("components")) {
                collect(c.path("components"), keys);
            }
            if (c.hasNonNull("key")) {
                keys.add(c.path("key").asText());
            }
        }
    }
}
