package org.relocation.processes.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.dmn.DmnModelInstance;
import org.operaton.bpm.model.dmn.instance.Decision;
import org.operaton.bpm.model.dmn.instance.DecisionTable;
import org.operaton.bpm.model.dmn.instance.DmnElement;
import org.operaton.bpm.model.dmn.instance.Input;
import org.operaton.bpm.model.dmn.instance.Output;
import org.operaton.bpm.model.dmn.instance.Rule;
import org.operaton.bpm.model.xml.ModelInstance;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What changed between the deployed version of a model and a candidate, element by element, for the process owner who
 * reviews a change before deploying it.
 * <ul>
 * <li>BPMN: flow elements, processes, lanes, messages, errors, signals and escalations by id: added, removed, changed
 * (type, name, attributes, flow ends, boundary attachment, conditions, timers, loops, documentation, extension elements),
 * one sentence each; a change of the diagram alone is reported as layout.</li>
 * <li>DMN, per decision: hit policy, name and description; input and output columns by id; rules by id: added, removed,
 * changed cell by cell, and, where the first matching rule wins, moved.</li>
 * </ul>
 */
public final class ModelDiff {

    /** What happened to an element. */
    public enum Kind {
        ADDED, REMOVED, CHANGED, MOVED, LAYOUT
    }

    /** One difference: the element (its id and type), and a sentence such as {@code approve-budget: candidateGroups finance → finance-lead}. */
    public record Change(Kind kind, String elementId, String elementType, String sentence) {
    }

    private static final String BPMN_MODEL = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String BPMN_DI = "http://www.omg.org/spec/BPMN/20100524/DI";
    private static final String CAMUNDA_BPMN = "http://camunda.org/schema/1.0/bpmn";
    private static final String OPERATON_BPMN = "http://operaton.org/schema/1.0/bpmn";
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    private static final Set<String> NOT_INDEXED = Set.of("definitions", "incoming", "outgoing", "extensionElements",
            "documentation", "conditionExpression", "laneSet", "flowNodeRef");
    /** Names of child elements in sentences. */
    private static final Map<String, String> CHILD_NAMES = Map.ofEntries(
            Map.entry("conditionExpression", "condition"),
            Map.entry("timerEventDefinition", "timer"),
            Map.entry("messageEventDefinition", "message"),
            Map.entry("errorEventDefinition", "error"),
            Map.entry("signalEventDefinition", "signal"),
            Map.entry("escalationEventDefinition", "escalation"),
            Map.entry("terminateEventDefinition", "terminate"),
            Map.entry("multiInstanceLoopCharacteristics", "multi-instance"),
            Map.entry("standardLoopCharacteristics", "loop"),
            Map.entry("extensionElements", "extensions"),
            Map.entry("documentation", "documentation"));
    private static final int SHOWN = 120;

    private ModelDiff() {
    }

    // ---------------------------------------------------------------- BPMN

    /** The differences of a candidate BPMN model from the deployed one, in the candidate's document order (removals last). */
    public static List<Change> bpmn(BpmnModelInstance deployed, BpmnModelInstance candidate) {
        Map<String, Element> before = bpmnElements(document(deployed));
        Map<String, Element> after = bpmnElements(document(candidate));
        Map<String, String> layoutBefore = layout(document(deployed));
        Map<String, String> layoutAfter = layout(document(candidate));
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, Element> entry : after.entrySet()) {
            String id = entry.getKey();
            Element now = entry.getValue();
            Element was = before.get(id);
            String type = now.getLocalName();
            if (was == null) {
                changes.add(new Change(Kind.ADDED, id, type, id + ": " + words(type) + nameOf(now) + " added"));
                continue;
            }
            List<String> differences = differences(was, now, before.keySet(), after.keySet());
            if (!differences.isEmpty()) {
                differences.forEach(d -> changes.add(new Change(Kind.CHANGED, id, type, id + ": " + d)));
            } else if (!Objects.equals(layoutBefore.get(id), layoutAfter.get(id))) {
                changes.add(new Change(Kind.LAYOUT, id, type, id + ": moved or reshaped in the diagram"));
            }
        }
        for (Map.Entry<String, Element> entry : before.entrySet()) {
            if (!after.containsKey(entry.getKey())) {
                String type = entry.getValue().getLocalName();
                changes.add(new Change(Kind.REMOVED, entry.getKey(), type, entry.getKey() + ": " + words(type) + nameOf(entry.getValue())
                        + " removed"));
            }
        }
        return List.copyOf(changes);
    }

    /** The BPMN elements that carry an id and mean something (not DI, not event definitions), by id in document order. */
    private static Map<String, Element> bpmnElements(Document document) {
        Map<String, Element> elements = new LinkedHashMap<>();
        collect(document.getDocumentElement(), elements);
        return elements;
    }

    private static void collect(Element element, Map<String, Element> elements) {
        for (Element child : children(element)) {
            if (!BPMN_MODEL.equals(child.getNamespaceURI())) {
                continue;
            }
            String id = child.getAttribute("id");
            if (!id.isEmpty() && indexed(child)) {
                elements.putIfAbsent(id, child);
            }
            collect(child, elements);
        }
    }

    /** Indexed: flow elements, processes, lanes and the root elements a process refers to. */
    private static boolean indexed(Element element) {
        String name = element.getLocalName();
        if (NOT_INDEXED.contains(name) || name.endsWith("EventDefinition") || name.endsWith("LoopCharacteristics")) {
            return false;
        }
        Node parent = element.getParentNode();
        String parentName = parent instanceof Element p ? p.getLocalName() : "";
        return "definitions".equals(parentName) || "process".equals(parentName) || "subProcess".equals(parentName)
                || "laneSet".equals(parentName) || "transaction".equals(parentName);
    }

    private static List<String> differences(Element was, Element now, Set<String> idsBefore, Set<String> idsAfter) {
        List<String> differences = new ArrayList<>();
        if (!was.getLocalName().equals(now.getLocalName())) {
            differences.add("type " + words(was.getLocalName()) + " → " + words(now.getLocalName()));
        }
        Map<String, String> a = attributes(was);
        Map<String, String> b = attributes(now);
        Set<String> names = new LinkedHashSet<>(a.keySet());
        names.addAll(b.keySet());
        for (String name : names) {
            String x = a.get(name);
            String y = b.get(name);
            if (!Objects.equals(x, y)) {
                differences.add(name + " " + shown(x) + " → " + shown(y));
            }
        }
        Map<String, String> c = content(was, idsBefore);
        Map<String, String> d = content(now, idsAfter);
        Set<String> parts = new LinkedHashSet<>(c.keySet());
        parts.addAll(d.keySet());
        for (String part : parts) {
            String x = c.get(part);
            String y = d.get(part);
            if (!Objects.equals(x, y)) {
                differences.add(part + " " + shown(x) + " → " + shown(y));
            }
        }
        return differences;
    }

    /**
     * The attributes of an element except its id and namespace declarations: BPMN's, Camunda's and Operaton's by their
     * local name (the two extension namespaces mean the same), others with their prefix.
     */
    private static Map<String, String> attributes(Element element) {
        Map<String, String> attributes = new TreeMap<>();
        NamedNodeMap map = element.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            Attr attr = (Attr) map.item(i);
            String ns = attr.getNamespaceURI();
            String local = attr.getLocalName() == null ? attr.getName() : attr.getLocalName();
            if (XMLNS.equals(ns) || (ns == null && ("id".equals(local) || local.startsWith("xmlns")))) {
                continue;
            }
            String name = ns == null || BPMN_MODEL.equals(ns) || CAMUNDA_BPMN.equals(ns) || OPERATON_BPMN.equals(ns) ? local
                    : (attr.getPrefix() == null ? ns : attr.getPrefix()) + ":" + local;
            attributes.put(name, attr.getValue());
        }
        return attributes;
    }

    /**
     * The element's own content, by part (condition, timer, extensions, documentation…), in canonical text: flows in
     * and out (they are the flows' ends) and nested indexed elements (they are compared on their own) left out.
     */
    private static Map<String, String> content(Element element, Set<String> indexedIds) {
        Map<String, String> content = new TreeMap<>();
        for (Element child : children(element)) {
            String name = child.getLocalName();
            if ("incoming".equals(name) || "outgoing".equals(name) || "laneSet".equals(name)
                    || (!child.getAttribute("id").isEmpty() && indexedIds.contains(child.getAttribute("id")) && indexed(child))) {
                continue;
            }
            String part = CHILD_NAMES.getOrDefault(name, words(name));
            content.merge(part, canonical(child), (x, y) -> x + "; " + y);
        }
        return content;
    }

    /** A canonical text of an element's subtree: names, attributes (no ids) sorted, trimmed texts. */
    private static String canonical(Element element) {
        StringBuilder sb = new StringBuilder();
        Map<String, String> attributes = attributes(element);
        attributes.keySet().removeIf(name -> name.endsWith(":type")); // xsi:type of expressions
        attributes.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
        List<Element> children = children(element);
        if (children.isEmpty()) {
            String text = element.getTextContent() == null ? "" : element.getTextContent().trim().replaceAll("\\s+", " ");
            if (!text.isEmpty()) {
                sb.append(sb.length() == 0 ? "" : " ").append(text);
            }
        }
        for (Element child : children) {
            sb.append(sb.length() == 0 ? "" : " ").append(child.getLocalName()).append('(').append(canonical(child)).append(')');
        }
        return sb.toString();
    }

    /** The diagram of each element: its shape's bounds or its edge's waypoints, as text. */
    private static Map<String, String> layout(Document document) {
        Map<String, String> layout = new LinkedHashMap<>();
        List<Element> pending = new ArrayList<>(children(document.getDocumentElement()));
        while (!pending.isEmpty()) {
            Element element = pending.remove(pending.size() - 1);
            if (BPMN_DI.equals(element.getNamespaceURI()) && ("BPMNShape".equals(element.getLocalName())
                    || "BPMNEdge".equals(element.getLocalName()))) {
                layout.put(element.getAttribute("bpmnElement"), canonical(element));
            } else {
                pending.addAll(children(element));
            }
        }
        return layout;
    }

    // ---------------------------------------------------------------- DMN

    /** The differences of a candidate DMN model from the deployed one, decision by decision. */
    public static List<Change> dmn(DmnModelInstance deployed, DmnModelInstance candidate) {
        Map<String, Decision> before = byId(deployed.getModelElementsByType(Decision.class));
        Map<String, Decision> after = byId(candidate.getModelElementsByType(Decision.class));
        List<Change> changes = new ArrayList<>();
        after.forEach((id, decision) -> {
            Decision was = before.get(id);
            if (was == null) {
                changes.add(new Change(Kind.ADDED, id, "decision", id + ": decision" + quoted(decision.getName()) + " added"));
            } else {
                decision(changes, was, decision);
            }
        });
        before.forEach((id, decision) -> {
            if (!after.containsKey(id)) {
                changes.add(new Change(Kind.REMOVED, id, "decision", id + ": decision" + quoted(decision.getName()) + " removed"));
            }
        });
        return List.copyOf(changes);
    }

    private static void decision(List<Change> changes, Decision was, Decision now) {
        String id = now.getId();
        changed(changes, id, "decision", "name", was.getName(), now.getName());
        changed(changes, id, "decision", "description", text(was.getDescription()), text(now.getDescription()));
        if (!(was.getExpression() instanceof DecisionTable a) || !(now.getExpression() instanceof DecisionTable b)) {
            return;
        }
        changed(changes, id, "decision", "hit policy", String.valueOf(a.getHitPolicy()), String.valueOf(b.getHitPolicy()));
        changed(changes, id, "decision", "aggregation", String.valueOf(a.getAggregation()), String.valueOf(b.getAggregation()));
        Map<String, Input> inputsBefore = byId(a.getInputs());
        Map<String, Input> inputsAfter = byId(b.getInputs());
        columns(changes, id, "input column", inputsBefore, inputsAfter, ModelDiff::inputFacts);
        Map<String, Output> outputsBefore = byId(a.getOutputs());
        Map<String, Output> outputsAfter = byId(b.getOutputs());
        columns(changes, id, "output column", outputsBefore, outputsAfter, ModelDiff::outputFacts);

        List<Rule> rulesBefore = List.copyOf(a.getRules());
        List<Rule> rulesAfter = List.copyOf(b.getRules());
        Map<String, Integer> positionBefore = positions(rulesBefore);
        Map<String, Integer> positionAfter = positions(rulesAfter);
        for (int i = 0; i < rulesAfter.size(); i++) {
            Rule rule = rulesAfter.get(i);
            Integer old = positionBefore.get(rule.getId());
            if (old == null) {
                changes.add(new Change(Kind.ADDED, rule.getId(), "rule", ruleName(rule, i + 1) + " added to " + id + ": "
                        + cells(rule, b)));
                continue;
            }
            Rule previous = rulesBefore.get(old - 1);
            List<String> differences = new ArrayList<>();
            Map<String, String> x = cellsByColumn(previous, a);
            Map<String, String> y = cellsByColumn(rule, b);
            Set<String> columns = new LinkedHashSet<>(y.keySet());
            columns.addAll(x.keySet());
            for (String column : columns) {
                if (x.containsKey(column) && y.containsKey(column) && !Objects.equals(x.get(column), y.get(column))) {
                    differences.add(column + " " + shown(x.get(column)) + " → " + shown(y.get(column)));
                }
            }
            if (!Objects.equals(text(previous.getDescription()), text(rule.getDescription()))) {
                differences.add("description " + shown(text(previous.getDescription())) + " → " + shown(text(rule.getDescription())));
            }
            if (!differences.isEmpty()) {
                changes.add(new Change(Kind.CHANGED, rule.getId(), "rule", ruleName(rule, i + 1) + " of " + id + ": "
                        + String.join("; ", differences)));
            }
        }
        for (int i = 0; i < rulesBefore.size(); i++) {
            Rule rule = rulesBefore.get(i);
            if (!positionAfter.containsKey(rule.getId())) {
                changes.add(new Change(Kind.REMOVED, rule.getId(), "rule", ruleName(rule, i + 1) + " removed from " + id));
            }
        }
        String hitPolicy = String.valueOf(b.getHitPolicy());
        if ("FIRST".equals(hitPolicy) || "PRIORITY".equals(hitPolicy)) {
            moved(changes, id, rulesBefore, rulesAfter, positionBefore, positionAfter);
        }
    }

    /** Where the first matching rule wins, a rule whose place among the rules of both versions changed has moved. */
    private static void moved(List<Change> changes, String decisionId, List<Rule> before, List<Rule> after,
                              Map<String, Integer> positionBefore, Map<String, Integer> positionAfter) {
        List<String> commonBefore = before.stream().map(Rule::getId).filter(positionAfter::containsKey).toList();
        List<String> commonAfter = after.stream().map(Rule::getId).filter(positionBefore::containsKey).toList();
        for (int i = 0; i < commonAfter.size(); i++) {
            String ruleId = commonAfter.get(i);
            if (commonBefore.indexOf(ruleId) != i) {
                Rule rule = after.get(positionAfter.get(ruleId) - 1);
                changes.add(new Change(Kind.MOVED, ruleId, "rule", ruleName(rule, positionAfter.get(ruleId)) + " of " + decisionId
                        + " moved from " + positionBefore.get(ruleId) + " to " + positionAfter.get(ruleId)
                        + ": the first matching rule wins"));
            }
        }
    }

    private interface Facts<T> {
        Map<String, String> of(T column);
    }

    private static <T extends DmnElement> void columns(List<Change> changes, String decisionId, String kind, Map<String, T> before,
                                                       Map<String, T> after, Facts<T> facts) {
        after.forEach((id, column) -> {
            T was = before.get(id);
            Map<String, String> now = facts.of(column);
            if (was == null) {
                changes.add(new Change(Kind.ADDED, id, kind, kind + " " + id + " added to " + decisionId + ": " + now));
                return;
            }
            Map<String, String> old = facts.of(was);
            List<String> differences = new ArrayList<>();
            now.forEach((name, value) -> {
                if (!Objects.equals(old.get(name), value)) {
                    differences.add(name + " " + shown(old.get(name)) + " → " + shown(value));
                }
            });
            if (!differences.isEmpty()) {
                changes.add(new Change(Kind.CHANGED, id, kind, kind + " " + id + " of " + decisionId + ": " + String.join("; ", differences)));
            }
        });
        before.forEach((id, column) -> {
            if (!after.containsKey(id)) {
                changes.add(new Change(Kind.REMOVED, id, kind, kind + " " + id + " removed from " + decisionId + ": " + facts.of(column)));
            }
        });
    }

    private static Map<String, String> inputFacts(Input input) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("label", input.getLabel());
        facts.put("expression", input.getInputExpression() == null ? null : text(input.getInputExpression().getText()));
        facts.put("typeRef", input.getInputExpression() == null ? null : input.getInputExpression().getTypeRef());
        return facts;
    }

    private static Map<String, String> outputFacts(Output output) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("label", output.getLabel());
        facts.put("name", output.getName());
        facts.put("typeRef", output.getTypeRef());
        return facts;
    }

    /** A rule's cells by column: the input expression (e.g. durationMonths) or the output name (e.g. housingCapMonthly). */
    private static Map<String, String> cellsByColumn(Rule rule, DecisionTable table) {
        Map<String, String> cells = new LinkedHashMap<>();
        List<Input> inputs = List.copyOf(table.getInputs());
        List<Output> outputs = List.copyOf(table.getOutputs());
        var inputEntries = List.copyOf(rule.getInputEntries());
        var outputEntries = List.copyOf(rule.getOutputEntries());
        for (int i = 0; i < Math.min(inputs.size(), inputEntries.size()); i++) {
            cells.put(columnName(inputs.get(i)), trim(inputEntries.get(i).getTextContent()));
        }
        for (int i = 0; i < Math.min(outputs.size(), outputEntries.size()); i++) {
            cells.put(outputs.get(i).getName() != null ? outputs.get(i).getName() : outputs.get(i).getId(),
                    trim(outputEntries.get(i).getTextContent()));
        }
        return cells;
    }

    private static String cells(Rule rule, DecisionTable table) {
        List<String> cells = new ArrayList<>();
        cellsByColumn(rule, table).forEach((column, value) -> cells.add(column + " " + shown(value)));
        return String.join(", ", cells);
    }

    private static String columnName(Input input) {
        String expression = input.getInputExpression() == null ? null : text(input.getInputExpression().getText());
        return expression != null ? expression : input.getLabel() != null ? input.getLabel() : input.getId();
    }

    /** "rule-otherwise", or for a rule with a made-up id "rule 3 (DecisionRule_0abc123, "Stays under a year")". */
    private static String ruleName(Rule rule, int position) {
        String description = text(rule.getDescription());
        if (rule.getId() != null && !GeneratedIds.isGenerated(rule.getId())) {
            return rule.getId();
        }
        return "rule " + position + " (" + rule.getId() + (description == null ? "" : ", \"" + description + "\"") + ")";
    }

    private static Map<String, Integer> positions(List<Rule> rules) {
        Map<String, Integer> positions = new LinkedHashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            positions.putIfAbsent(rules.get(i).getId(), i + 1);
        }
        return positions;
    }

    private static void changed(List<Change> changes, String id, String type, String what, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new Change(Kind.CHANGED, id, type, id + ": " + what + " " + shown(before) + " → " + shown(after)));
        }
    }

    // ---------------------------------------------------------------- common

    private static <T extends org.operaton.bpm.model.xml.instance.ModelElementInstance> Map<String, T> byId(Iterable<T> elements) {
        Map<String, T> byId = new LinkedHashMap<>();
        for (T element : elements) {
            String id = element.getAttributeValue("id");
            if (id != null) {
                byId.putIfAbsent(id, element);
            }
        }
        return byId;
    }

    private static Document document(ModelInstance model) {
        return (Document) model.getDocument().getDomSource().getNode();
    }

    private static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }

    private static String nameOf(Element element) {
        return quoted(element.getAttribute("name").isEmpty() ? null : element.getAttribute("name"));
    }

    private static String quoted(String name) {
        return name == null || name.isBlank() ? "" : " \"" + name.trim() + "\"";
    }

    /** "userTask" → "user task". */
    private static String words(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String text(org.operaton.bpm.model.xml.instance.ModelElementInstance element) {
        return element == null ? null : trim(element.getTextContent());
    }

    private static String trim(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim().replaceAll("\\s+", " ");
        return t.isEmpty() ? null : t;
    }

    private static String shown(String value) {
        if (value == null) {
            return "(none)";
        }
        return value.length() > SHOWN ? value.substring(0, SHOWN - 1) + "…" : value;
    }
}
