package org.relocation.platform.deployment;

import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.bpmn.instance.FlowNode;
import org.operaton.bpm.model.bpmn.instance.Process;
import org.operaton.bpm.model.bpmn.instance.SendTask;
import org.operaton.bpm.model.bpmn.instance.ServiceTask;
import org.operaton.bpm.model.bpmn.instance.Task;
import org.relocation.platform.engine.ProcessVariables;
import org.relocation.processes.model.ElementLines;
import org.relocation.processes.model.ModelProblem;
import org.relocation.processes.model.ModelVariables;
import org.relocation.processes.model.Severity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Rule {@code variables-produced}: what a process reads (conditions, assignees, timers, input parameters, its workers'
 * inputs, the case id) must be produced inside it (its own mappings and listeners, its forms' fields, its workers'
 * outputs, correlated messages) or handed to it. A called process (a phase) gets from its call activity only the
 * variables mapped in by every caller; checked for each call where the caller or the called process is in the
 * deployment, on the latest deployed processes overlaid with the deployment's. The main process
 * ({@value ProcessVariables#PROCESS_KEY}), started by the case API, gets its start variables
 * ({@link ProcessVariables#START_VARIABLES}); checked when it is in the deployment.
 */
final class VariableRules {

    static final String VARIABLES_PRODUCED = "variables-produced";

    private static final List<String> ENGINE_NAMESPACES = List.of("http://camunda.org/schema/1.0/bpmn", "http://operaton.org/schema/1.0/bpmn");

    private VariableRules() {
    }

    /**
     * @param candidate  the deployment's BPMN models by file
     * @param formFields the field keys of a form by key (the deployment's or the latest deployed), empty when unknown
     * @param ignored    process keys whose deployed models are not part of the journey (exempt keys)
     */
    static void check(Map<String, BpmnModelInstance> candidate, Map<String, byte[]> contents, ContractFacts facts,
                      Function<String, Set<String>> formFields, DeployedModels deployed, Set<String> ignored, List<ModelProblem> problems) {
        if (candidate.isEmpty()) {
            return;
        }
        Map<String, String> fileOf = new HashMap<>();
        Map<String, BpmnModelInstance> effective = new LinkedHashMap<>(deployed.latestProcesses());
        ignored.forEach(effective::remove);
        candidate.forEach((file, model) -> {
            String key = processKey(model);
            if (key != null) {
                fileOf.put(key, file);
                effective.put(key, model);
            }
        });
        Set<String> reported = new HashSet<>();
        String mainFile = fileOf.get(ProcessVariables.PROCESS_KEY);
        if (mainFile != null) {
            Set<String> available = producedWithin(candidate.get(mainFile), facts, formFields);
            available.addAll(ProcessVariables.START_VARIABLES);
            for (ModelVariables.Read read : readWithin(candidate.get(mainFile), facts)) {
                if (!available.contains(read.variable()) && reported.add(mainFile + "/" + read.elementId() + "/" + read.variable())) {
                    problems.add(problem(mainFile, contents, read.elementId(), "variable " + read.variable() + " read by " + read.elementId()
                            + " is neither produced in process " + ProcessVariables.PROCESS_KEY + " (by a call activity's camunda:out, a form, "
                            + "a worker, a message or a mapping) nor one it starts with " + new TreeSet<>(ProcessVariables.START_VARIABLES)
                            + ": produce it before it is read"));
                }
            }
        }
        effective.forEach((callerKey, caller) -> {
            for (ModelVariables.CallMapping call : ModelVariables.calls(caller)) {
                BpmnModelInstance called = effective.get(call.calledElement());
                boolean callerNew = fileOf.containsKey(callerKey);
                boolean calledNew = fileOf.containsKey(call.calledElement());
                if (call.all() || called == null || (!callerNew && !calledNew)) {
                    continue;
                }
                Set<String> available = producedWithin(called, facts, formFields);
                available.addAll(call.mappedIn());
                for (ModelVariables.Read read : readWithin(called, facts)) {
                    if (available.contains(read.variable())) {
                        continue;
                    }
                    if (calledNew) {
                        String file = fileOf.get(call.calledElement());
                        if (reported.add(file + "/" + read.elementId() + "/" + read.variable())) {
                            problems.add(problem(file, contents, read.elementId(), "variable " + read.variable() + " read by " + read.elementId()
                                    + " is neither produced in process " + call.calledElement() + " nor mapped in by call activity "
                                    + call.callActivityId() + " of process " + callerKey + ": map it in there (camunda:in) or produce it first"));
                        }
                    } else {
                        String file = fileOf.get(callerKey);
                        if (reported.add(file + "/" + call.callActivityId() + "/" + read.variable())) {
                            problems.add(problem(file, contents, call.callActivityId(), "call activity " + call.callActivityId()
                                    + " does not map in variable " + read.variable() + ", which process " + call.calledElement()
                                    + " reads at " + read.elementId() + ": add it as an input mapping (camunda:in)"));
                        }
                    }
                }
            }
        });
    }

    private static Set<String> producedWithin(BpmnModelInstance model, ContractFacts facts, Function<String, Set<String>> formFields) {
        Set<String> produced = new HashSet<>(facts.messageVariables());
        produced.addAll(ModelVariables.produces(model));
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            String ref = engine(node, "formRef");
            if (ref != null && !ref.isBlank()) {
                produced.addAll(formFields.apply(ref));
            }
        }
        for (Task task : automated(model)) {
            produced.addAll(facts.workerOutputs().getOrDefault(engine(task, "topic"), Set.of()));
        }
        return produced;
    }

    private static List<ModelVariables.Read> readWithin(BpmnModelInstance model, ContractFacts facts) {
        List<ModelVariables.Read> reads = new ArrayList<>(ModelVariables.reads(model));
        for (Task task : automated(model)) {
            facts.workerInputs().getOrDefault(engine(task, "topic"), Set.of())
                    .forEach(v -> reads.add(new ModelVariables.Read(v, task.getId())));
        }
        String key = processKey(model);
        reads.add(new ModelVariables.Read(ProcessVariables.CASE_ID, key == null ? "" : key)); // every worker and platform listener needs it
        return reads;
    }

    private static List<Task> automated(BpmnModelInstance model) {
        List<Task> tasks = new ArrayList<>();
        for (Task t : model.getModelElementsByType(Task.class)) {
            if ((t instanceof ServiceTask || t instanceof SendTask) && engine(t, "topic") != null) {
                tasks.add(t);
            }
        }
        return tasks;
    }

    private static String processKey(BpmnModelInstance model) {
        return model.getModelElementsByType(Process.class).stream().filter(Process::isExecutable).map(Process::getId).findFirst()
                .orElse(null);
    }

    private static String engine(org.operaton.bpm.model.bpmn.instance.BaseElement element, String attribute) {
        for (String ns : ENGINE_NAMESPACES) {
            String value = element.getAttributeValueNs(ns, attribute);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static ModelProblem problem(String file, Map<String, byte[]> contents, String elementId, String message) {
        ElementLines.Position at = ElementLines.of(contents.get(file)).of(elementId);
        return new ModelProblem(file, elementId, at.line(), at.column(), Severity.ERROR, VARIABLES_PRODUCED, message);
    }
}
