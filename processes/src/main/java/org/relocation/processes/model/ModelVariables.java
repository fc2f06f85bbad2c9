package org.relocation.processes.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.bpmn.instance.BaseElement;
import org.operaton.bpm.model.bpmn.instance.CallActivity;
import org.operaton.bpm.model.bpmn.instance.ConditionExpression;
import org.operaton.bpm.model.bpmn.instance.ExtensionElements;
import org.operaton.bpm.model.bpmn.instance.FlowElement;
import org.operaton.bpm.model.bpmn.instance.LoopCardinality;
import org.operaton.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.operaton.bpm.model.bpmn.instance.Process;
import org.operaton.bpm.model.bpmn.instance.TimeCycle;
import org.operaton.bpm.model.bpmn.instance.TimeDate;
import org.operaton.bpm.model.bpmn.instance.TimeDuration;
import org.operaton.bpm.model.bpmn.instance.UserTask;
import org.operaton.bpm.model.bpmn.instance.operaton.OperatonExecutionListener;
import org.operaton.bpm.model.bpmn.instance.operaton.OperatonIn;
import org.operaton.bpm.model.bpmn.instance.operaton.OperatonInputParameter;
import org.operaton.bpm.model.bpmn.instance.operaton.OperatonOut;
import org.operaton.bpm.model.bpmn.instance.operaton.OperatonOutputParameter;
import org.operaton.bpm.model.bpmn.instance.operaton.OperatonTaskListener;
import org.operaton.bpm.model.xml.instance.ModelElementInstance;

/**
 * The process variables a BPMN model reads and produces by itself, from its expressions and mappings. What the model
 * does not say (the variables of its forms, its workers, correlated messages and the start) the caller adds: the
 * server knows its forms and workers.
 * <ul>
 * <li>read: identifiers in {@code ${…}}/{@code #{…}} of conditions, loop cardinalities, collections, timers, input
 * parameters, assignees and candidates, due dates, and the call activities' {@code in} sources;</li>
 * <li>produced: input and output parameter names, call activities' {@code out} targets, {@code setVariable('x', …)} in
 * listener expressions, {@code resultVariable}s, multi-instance element variables and the engine's multi-instance
 * counters.</li>
 * </ul>
 */
public final class ModelVariables {

    /** Set by the engine inside a multi-instance activity. */
    public static final Set<String> ENGINE_VARIABLES = Set.of("loopCounter", "nrOfInstances", "nrOfActiveInstances",
            "nrOfCompletedInstances");

    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final String OPERATON = "http://operaton.org/schema/1.0/bpmn";
    private static final Set<String> EL_WORDS = Set.of("true", "false", "null", "and", "or", "not", "eq", "ne", "lt", "gt", "le",
            "ge", "empty", "div", "mod", "instanceof", "execution", "task");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![.'\\w])([A-Za-z_]\\w*)(?![\\w'(])");
    private static final Pattern SET_VARIABLE = Pattern.compile("setVariable(?:Local)?\\('(\\w+)'");
    private static final List<String> PERFORMER_ATTRIBUTES = List.of("assignee", "candidateUsers", "candidateGroups", "dueDate",
            "followUpDate");

    /** A variable the model reads, and the element that reads it (a flow, task or event; the process for its own). */
    public record Read(String variable, String elementId) {
    }

    /**
     * A call activity's mapping into its called process: the variables it maps in ({@code in target}), or all of the
     * caller's ({@code variables="all"}).
     */
    public record CallMapping(String callActivityId, String calledElement, Set<String> mappedIn, boolean all) {
    }

    private ModelVariables() {
    }

    /** The variables the model reads, each with the element that reads it, in document order. */
    public static List<Read> reads(BpmnModelInstance model) {
        List<Read> reads = new ArrayList<>();
        model.getModelElementsByType(ConditionExpression.class).forEach(c -> add(reads, c, c.getTextContent()));
        model.getModelElementsByType(LoopCardinality.class).forEach(c -> add(reads, c, c.getTextContent()));
        model.getModelElementsByType(MultiInstanceLoopCharacteristics.class).forEach(m -> add(reads, m, m.getOperatonCollection()));
        model.getModelElementsByType(TimeDate.class).forEach(t -> add(reads, t, t.getTextContent()));
        model.getModelElementsByType(TimeDuration.class).forEach(t -> add(reads, t, t.getTextContent()));
        model.getModelElementsByType(TimeCycle.class).forEach(t -> add(reads, t, t.getTextContent()));
        model.getModelElementsByType(OperatonInputParameter.class).forEach(p -> add(reads, p, p.getTextContent()));
        model.getModelElementsByType(UserTask.class).forEach(t -> PERFORMER_ATTRIBUTES.forEach(a -> add(reads, t, extension(t, a))));
        model.getModelElementsByType(OperatonIn.class).forEach(in -> {
            if (in.getOperatonSource() != null && !in.getOperatonSource().isBlank()) {
                reads.add(new Read(in.getOperatonSource().trim(), ownerId(in)));
            }
            add(reads, in, in.getOperatonSourceExpression());
            add(reads, in, in.getOperatonBusinessKey());
        });
        return reads;
    }

    /** The names of the variables the model reads. */
    public static Set<String> readNames(BpmnModelInstance model) {
        Set<String> names = new LinkedHashSet<>();
        reads(model).forEach(r -> names.add(r.variable()));
        return names;
    }

    /** The variables the model produces itself (see the class comment), the engine's multi-instance counters included. */
    public static Set<String> produces(BpmnModelInstance model) {
        Set<String> produced = new LinkedHashSet<>(ENGINE_VARIABLES);
        model.getModelElementsByType(OperatonInputParameter.class).forEach(p -> addName(produced, p.getOperatonName()));
        model.getModelElementsByType(OperatonOutputParameter.class).forEach(p -> addName(produced, p.getOperatonName()));
        model.getModelElementsByType(OperatonOut.class).forEach(o -> addName(produced, o.getOperatonTarget()));
        model.getModelElementsByType(OperatonExecutionListener.class).forEach(l -> setVariables(produced, l.getOperatonExpression()));
        model.getModelElementsByType(OperatonTaskListener.class).forEach(l -> setVariables(produced, l.getOperatonExpression()));
        model.getModelElementsByType(MultiInstanceLoopCharacteristics.class).forEach(m -> addName(produced, m.getOperatonElementVariable()));
        model.getModelElementsByType(FlowElement.class).forEach(e -> addName(produced, extension(e, "resultVariable")));
        return produced;
    }

    /** The call activities of the model and what each maps into its called process. */
    public static List<CallMapping> calls(BpmnModelInstance model) {
        List<CallMapping> calls = new ArrayList<>();
        for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
            Set<String> mappedIn = new LinkedHashSet<>();
            boolean all = false;
            for (ExtensionElements extensions : call.getChildElementsByType(ExtensionElements.class)) {
                for (OperatonIn in : extensions.getChildElementsByType(OperatonIn.class)) {
                    all |= "all".equals(in.getOperatonVariables());
                    addName(mappedIn, in.getOperatonTarget());
                }
            }
            calls.add(new CallMapping(call.getId(), call.getCalledElement(), Set.copyOf(mappedIn), all));
        }
        return calls;
    }

    /**
     * The identifiers an expression text reads: the names inside {@code ${…}} and {@code #{…}}, without EL keywords,
     * function names, properties after a dot and quoted text. Plain text without an expression reads nothing.
     */
    public static List<String> identifiers(String text) {
        List<String> ids = new ArrayList<>();
        if (text == null) {
            return ids;
        }
        Matcher expressions = EXPRESSION.matcher(text);
        while (expressions.find()) {
            Matcher m = IDENTIFIER.matcher(expressions.group(1).replaceAll("'[^']*'", "''").replaceAll("\"[^\"]*\"", "''"));
            while (m.find()) {
                if (!EL_WORDS.contains(m.group(1))) {
                    ids.add(m.group(1));
                }
            }
        }
        return ids;
    }

    private static void add(List<Read> reads, ModelElementInstance element, String text) {
        List<String> ids = identifiers(text);
        if (!ids.isEmpty()) {
            String owner = ownerId(element);
            ids.forEach(id -> reads.add(new Read(id, owner)));
        }
    }

    /** The id of the flow element (or process) an expression or mapping belongs to. */
    static String ownerId(ModelElementInstance element) {
        for (ModelElementInstance e = element; e != null; e = e.getParentElement()) {
            if (e instanceof FlowElement || e instanceof Process) {
                return ((BaseElement) e).getId();
            }
        }
        return null;
    }

    private static void setVariables(Collection<String> produced, String expression) {
        if (expression != null) {
            Matcher m = SET_VARIABLE.matcher(expression);
            while (m.find()) {
                produced.add(m.group(1));
            }
        }
    }

    private static void addName(Collection<String> names, String name) {
        if (name != null && !name.isBlank()) {
            names.add(name.trim());
        }
    }

    static String extension(BaseElement element, String attribute) {
        String value = element.getAttributeValueNs(CAMUNDA, attribute);
        return value != null ? value : element.getAttributeValueNs(OPERATON, attribute);
    }
}
