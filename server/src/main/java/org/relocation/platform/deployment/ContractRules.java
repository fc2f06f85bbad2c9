package org.relocation.platform.deployment;

import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.bpmn.instance.BaseElement;
import org.operaton.bpm.model.bpmn.instance.CallActivity;
import org.operaton.bpm.model.bpmn.instance.SendTask;
import org.operaton.bpm.model.bpmn.instance.ServiceTask;
import org.operaton.bpm.model.bpmn.instance.StartEvent;
import org.operaton.bpm.model.bpmn.instance.Task;
import org.operaton.bpm.model.bpmn.instance.UserTask;
import org.relocation.processes.model.ElementLines;
import org.relocation.processes.model.ModelProblem;
import org.relocation.processes.model.Severity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The journey's contract for one BPMN file of a deployment, with facts from the server's beans ({@link ContractFacts})
 * and from what is deployed ({@link DeployedModels}): automated steps are external tasks served by a worker, a user
 * task's form is its own, bound to the deployment, and present (in the deployment, or kept from the deployed form), its
 * handler's fields are fields of it, and a called process exists.
 */
final class ContractRules {

    static final String EXTERNAL_TASK = "external-task";
    static final String TOPIC_HAS_WORKER = "topic-has-worker";
    static final String FORM_BINDING = "form-binding";
    static final String FORM_PRESENT = "form-present";
    static final String HANDLER_FIELDS = "handler-fields";
    static final String CALL_TARGET = "call-target";

    private static final List<String> ENGINE_NAMESPACES = List.of("http://camunda.org/schema/1.0/bpmn", "http://operaton.org/schema/1.0/bpmn");

    /** The forms of the deployment being checked (form-js id → field keys) and the processes it holds. */
    record Candidate(Map<String, Set<String>> forms, Set<String> processes) {
    }

    /** Where a form a task needs comes from: the deployment, or the latest deployed form of its key (carried over). */
    interface FormSource {
        Optional<Set<String>> deployedFields(String key);
    }

    private final String file;
    private final ElementLines lines;
    private final ContractFacts facts;
    private final Candidate candidate;
    private final DeployedModels deployed;
    private final FormSource carried;
    private final List<ModelProblem> problems;

    private ContractRules(String file, ElementLines lines, ContractFacts facts, Candidate candidate, DeployedModels deployed,
                          FormSource carried, List<ModelProblem> problems) {
        this.file = file;
        this.lines = lines;
        this.facts = facts;
        this.candidate = candidate;
        this.deployed = deployed;
        this.carried = carried;
        this.problems = problems;
    }

    /** Adds the contract problems of one BPMN model to {@code problems}. */
    static void check(String file, byte[] content, BpmnModelInstance model, ContractFacts facts, Candidate candidate,
                      DeployedModels deployed, FormSource carried, List<ModelProblem> problems) {
        new ContractRules(file, ElementLines.of(content), facts, candidate, deployed, carried, problems).check(model);
    }

    private void check(BpmnModelInstance model) {
        for (Task task : model.getModelElementsByType(Task.class)) {
            if (task instanceof ServiceTask || task instanceof SendTask) {
                automated(task);
            }
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String ref = engine(task, "formRef");
            if (ref == null || ref.isBlank()) {
                error(task.getId(), FORM_BINDING, "user task " + task.getId() + " has no form: set camunda:formRef to its id ("
                        + task.getId() + ") with binding \"deployment\" and deploy " + task.getId() + ".form with it");
                continue;
            }
            if (!ref.equals(task.getId())) {
                error(task.getId(), FORM_BINDING, "the form of user task " + task.getId() + " is " + ref + ": a task's form is named after the task ("
                        + task.getId() + ")");
            }
            form(task, ref);
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            String ref = engine(start, "formRef");
            if (ref != null && !ref.isBlank()) {
                form(start, ref);
            }
        }
        for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
            String target = call.getCalledElement();
            if (target == null || target.isBlank()) {
                error(call.getId(), CALL_TARGET, "call activity " + call.getId() + " calls no process: set its called element");
            } else if (!target.contains("{") && !candidate.processes().contains(target) && !deployed.processExists(target)) {
                error(call.getId(), CALL_TARGET, "call activity " + call.getId() + " calls process " + target
                        + ", which is neither in this deployment nor deployed");
            }
        }
    }

    private void automated(Task task) {
        String type = engine(task, "type");
        if (!"external".equals(type)) {
            error(task.getId(), EXTERNAL_TASK, "automated step " + task.getId() + " must be an external task (Implementation: External, "
                    + "camunda:type=\"external\") with the topic of a job worker");
            return;
        }
        String topic = engine(task, "topic");
        if (topic == null || !facts.topics().contains(topic)) {
            error(task.getId(), TOPIC_HAS_WORKER, "no job worker serves topic " + (topic == null ? "(none)" : topic) + " of step " + task.getId()
                    + "; the workers' topics are " + new TreeSet<>(facts.topics()));
        }
    }

    private void form(BaseElement element, String ref) {
        String binding = engine(element, "formRefBinding");
        if (!"deployment".equals(binding)) {
            error(element.getId(), FORM_BINDING, "the form of " + element.getId() + " must be bound to the deployment (camunda:formRefBinding=\"deployment\"), not "
                    + (binding == null ? "latest" : binding) + ": a case keeps the form of the version it runs");
        }
        Set<String> fields = candidate.forms().get(ref);
        if (fields == null) {
            Optional<Set<String>> kept = carried.deployedFields(ref);
            if (kept.isEmpty()) {
                error(element.getId(), FORM_PRESENT, "form " + ref + " of " + element.getId() + " is neither in this deployment nor deployed: add "
                        + ref + ".form to the deployment");
                return;
            }
            fields = kept.get();
            problems.add(problem(element.getId(), Severity.WARNING, FORM_PRESENT, "form " + ref + " of " + element.getId()
                    + " is not in this deployment: kept from the deployed form (a copy of the latest deployed " + ref + " is deployed with it)"));
        }
        Set<String> missing = new TreeSet<>(facts.handlerFields().getOrDefault(ref, Set.of()));
        missing.removeAll(fields);
        for (String field : missing) {
            error(element.getId(), HANDLER_FIELDS, "form " + ref + " of " + element.getId() + " lacks field " + field
                    + ", which the server reads or shows for this task: keep its key");
        }
    }

    private static String engine(BaseElement element, String attribute) {
        for (String ns : ENGINE_NAMESPACES) {
            String value = element.getAttributeValueNs(ns, attribute);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private void error(String elementId, String rule, String message) {
        problems.add(problem(elementId, Severity.ERROR, rule, message));
    }

    private ModelProblem problem(String elementId, Severity severity, String rule, String message) {
        ElementLines.Position at = lines.of(elementId);
        return new ModelProblem(file, elementId, at.line(), at.column(), severity, rule, message);
    }
}
