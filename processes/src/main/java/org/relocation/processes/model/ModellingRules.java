package org.relocation.processes.model;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.bpmn.instance.BaseElement;
import org.operaton.bpm.model.bpmn.instance.BoundaryEvent;
import org.operaton.bpm.model.bpmn.instance.Error;
import org.operaton.bpm.model.bpmn.instance.Escalation;
import org.operaton.bpm.model.bpmn.instance.ExclusiveGateway;
import org.operaton.bpm.model.bpmn.instance.FlowElement;
import org.operaton.bpm.model.bpmn.instance.FlowNode;
import org.operaton.bpm.model.bpmn.instance.Gateway;
import org.operaton.bpm.model.bpmn.instance.Message;
import org.operaton.bpm.model.bpmn.instance.Process;
import org.operaton.bpm.model.bpmn.instance.ScriptTask;
import org.operaton.bpm.model.bpmn.instance.SequenceFlow;
import org.operaton.bpm.model.bpmn.instance.Signal;
import org.operaton.bpm.model.bpmn.instance.SubProcess;
import org.operaton.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.operaton.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.operaton.bpm.model.bpmn.instance.dc.Bounds;
import org.operaton.bpm.model.dmn.Dmn;
import org.operaton.bpm.model.dmn.DmnModelInstance;
import org.operaton.bpm.model.dmn.HitPolicy;
import org.operaton.bpm.model.dmn.instance.Decision;
import org.operaton.bpm.model.dmn.instance.DecisionTable;
import org.operaton.bpm.model.dmn.instance.DmnElement;
import org.operaton.bpm.model.dmn.instance.Input;
import org.operaton.bpm.model.dmn.instance.InputEntry;
import org.operaton.bpm.model.dmn.instance.Output;
import org.operaton.bpm.model.dmn.instance.OutputEntry;
import org.operaton.bpm.model.dmn.instance.Rule;
import org.operaton.bpm.model.xml.instance.DomElement;
import org.xml.sax.SAXParseException;

/**
 * The modelling rules of one BPMN or DMN file, from the file alone (no engine, no workers, no forms): the file is a
 * model; one executable process or one decision per file, named after it; history time to live; named elements and
 * gateway flows; kebab-case ids that a person chose; diagram layout; no scripts; the decision table conventions. Each
 * problem names its file, element id, line and rule, in a sentence the process owner can act on. Rules that need the
 * journey's contract (topics, forms, variables, decisions the workers evaluate) live with the server.
 */
public final class ModellingRules {

    public static final String FILE_IS_MODEL = "file-is-model";
    public static final String ONE_PROCESS_PER_FILE = "one-process-per-file";
    public static final String FILE_NAME = "file-name";
    public static final String HISTORY_TTL = "history-ttl";
    public static final String NAMED = "named";
    public static final String KEBAB_ID = "kebab-id";
    public static final String GENERATED_ID = "generated-id";
    public static final String LAYOUT = "layout";
    public static final String GATEWAY_FLOWS = "gateway-flows";
    public static final String NO_SCRIPT = "no-script";
    public static final String DMN_CONVENTIONS = "dmn-conventions";

    private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern RULE_ID = Pattern.compile("rule(-[a-z0-9]+)+");
    private static final Pattern CONDITION = Pattern.compile("\\$\\{[^}]+}");
    private static final String CATCH_ALL = "rule-otherwise";
    private static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";
    private static final String OPERATON_DMN = "http://operaton.org/schema/1.0/dmn";

    private ModellingRules() {
    }

    /** Whether the rules apply to a file of this name: BPMN and DMN files. */
    public static boolean isModel(String file) {
        String name = file.toLowerCase(Locale.ROOT);
        return name.endsWith(".bpmn") || name.endsWith(".dmn");
    }

    /** The problems of one file, by line; none for a file that is no model (a form, an attachment). */
    public static List<ModelProblem> check(String file, byte[] content) {
        if (!isModel(file)) {
            return List.of();
        }
        Problems problems = new Problems(file, ElementLines.of(content));
        boolean bpmn = file.toLowerCase(Locale.ROOT).endsWith(".bpmn");
        BpmnModelInstance process = null;
        DmnModelInstance decision = null;
        try {
            if (bpmn) {
                process = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
            } else {
                decision = Dmn.readModelFromStream(new ByteArrayInputStream(content));
            }
        } catch (RuntimeException e) {
            SAXParseException cause = saxCause(e);
            ElementLines.Position at = cause != null && cause.getLineNumber() > 0
                    ? new ElementLines.Position(cause.getLineNumber(), Math.max(cause.getColumnNumber(), 0))
                    : problems.lines.failure().orElse(ElementLines.Position.UNKNOWN);
            String reason = cause != null ? cause.getMessage() : e.getMessage();
            return List.of(new ModelProblem(file, null, at.line(), at.column(), Severity.ERROR, FILE_IS_MODEL,
                    "The file is no " + (bpmn ? "BPMN 2.0 process model" : "DMN decision model") + " the engine can read: " + reason));
        }
        if (bpmn) {
            bpmn(problems, process);
        } else {
            dmn(problems, decision);
        }
        List<ModelProblem> sorted = new ArrayList<>(problems.list);
        sorted.sort(Comparator.comparingInt(ModelProblem::line).thenComparingInt(ModelProblem::column));
        return List.copyOf(sorted);
    }

    // ---------------------------------------------------------------- BPMN

    private static void bpmn(Problems p, BpmnModelInstance model) {
        Collection<Process> processes = model.getModelElementsByType(Process.class);
        List<Process> executable = processes.stream().filter(Process::isExecutable).toList();
        if (executable.size() != 1) {
            String id = processes.isEmpty() ? null : processes.iterator().next().getId();
            p.error(id, ONE_PROCESS_PER_FILE, "The file holds " + executable.size() + " executable processes"
                    + (processes.isEmpty() ? "" : " (" + String.join(", ", processes.stream().map(Process::getId).toList()) + ")")
                    + "; it must hold exactly one, marked executable, in a file named after its id.");
        } else {
            Process process = executable.get(0);
            if (!p.baseName().equals(process.getId() + ".bpmn")) {
                p.error(process.getId(), FILE_NAME, "The file is named " + p.baseName() + " but holds process " + process.getId()
                        + ": name the file " + process.getId() + ".bpmn, or the process after the file.");
            }
        }
        for (Process process : executable) {
            if (blank(ModelVariables.extension(process, "historyTimeToLive"))) {
                p.error(process.getId(), HISTORY_TTL, "Process " + process.getId() + " has no history time to live: set it (P180D, as the "
                        + "journey's other processes) so that the engine removes the history of finished cases.");
            }
        }
        for (Process process : processes) {
            named(p, process, "Process", process.getName());
            bpmnId(p, process, "process");
        }
        for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
            if (element instanceof FlowNode node) {
                named(p, node, kind(node), node.getName());
                bpmnId(p, node, kind(node).toLowerCase(Locale.ROOT));
            } else if (element instanceof SequenceFlow flow) {
                bpmnId(p, flow, "sequence flow");
            } else if (GeneratedIds.isGenerated(element.getId())) {
                generated(p, element.getId(), Severity.ERROR, kind(element).toLowerCase(Locale.ROOT));
            }
        }
        for (BaseElement element : definitionsChildren(model)) {
            if (GeneratedIds.isGenerated(element.getId())) {
                generated(p, element.getId(), Severity.ERROR, kind(element).toLowerCase(Locale.ROOT));
            }
        }
        for (ScriptTask script : model.getModelElementsByType(ScriptTask.class)) {
            p.error(script.getId(), NO_SCRIPT, "Script task " + script.getId() + " runs code inside the engine, which this server refuses: "
                    + "make it an external service task with a topic a worker handles.");
        }
        gatewayFlows(p, model);
        layout(p, model);
    }

    private static List<BaseElement> definitionsChildren(BpmnModelInstance model) {
        List<BaseElement> elements = new ArrayList<>();
        elements.addAll(model.getModelElementsByType(Message.class));
        elements.addAll(model.getModelElementsByType(Error.class));
        elements.addAll(model.getModelElementsByType(Signal.class));
        elements.addAll(model.getModelElementsByType(Escalation.class));
        return elements;
    }

    private static void named(Problems p, BaseElement element, String kind, String name) {
        if (blank(name)) {
            p.error(element.getId(), NAMED, kind + " " + element.getId() + " has no name: name it after what happens there, as the "
                    + "people who work the case should read it.");
        }
    }

    private static void bpmnId(Problems p, BaseElement element, String kind) {
        String id = element.getId();
        if (GeneratedIds.isGenerated(id)) {
            generated(p, id, Severity.ERROR, kind);
        } else if (id == null || !KEBAB.matcher(id).matches()) {
            p.error(id, KEBAB_ID, "The id of " + kind + " " + id + " is not kebab-case: use lower-case words joined by hyphens, "
                    + "such as review-intake.");
        }
    }

    private static void generated(Problems p, String id, Severity severity, String kind) {
        p.add(id, severity, GENERATED_ID, "The id " + id + " of this " + kind + " was made up by the modelling tool: name it after "
                + "what it does (kebab-case, such as approve-budget), because reports, task lists and migrations name it by id.");
    }

    private static void gatewayFlows(Problems p, BpmnModelInstance model) {
        for (Gateway gateway : model.getModelElementsByType(Gateway.class)) {
            boolean decides = gateway instanceof ExclusiveGateway && gateway.getOutgoing().size() > 1;
            SequenceFlow defaultFlow = gateway instanceof ExclusiveGateway exclusive ? exclusive.getDefault() : null;
            for (SequenceFlow flow : gateway.getOutgoing()) {
                if (blank(flow.getName())) {
                    p.error(flow.getId(), GATEWAY_FLOWS, "Flow " + flow.getId() + " out of gateway " + gateway.getId() + " has no name: "
                            + "name the case it stands for, such as \"approved\".");
                }
                if (decides && flow != defaultFlow) {
                    String condition = flow.getConditionExpression() == null ? null : flow.getConditionExpression().getTextContent();
                    if (condition == null || !CONDITION.matcher(condition.trim()).matches()) {
                        p.error(flow.getId(), GATEWAY_FLOWS, "Flow " + flow.getId() + " out of exclusive gateway " + gateway.getId()
                                + " has no condition: give it one such as ${approved}, or make it the gateway's default flow.");
                    }
                }
            }
        }
    }

    private static void layout(Problems p, BpmnModelInstance model) {
        Map<String, BpmnShape> shapes = new HashMap<>();
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            if (shape.getBpmnElement() == null) {
                p.error(shape.getId(), LAYOUT, "Diagram shape " + shape.getId() + " shows no element of the model: delete it.");
            } else {
                shapes.putIfAbsent(shape.getBpmnElement().getId(), shape);
            }
        }
        Map<String, BpmnEdge> edges = new HashMap<>();
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            if (edge.getBpmnElement() == null) {
                p.error(edge.getId(), LAYOUT, "Diagram edge " + edge.getId() + " shows no element of the model: delete it.");
            } else {
                edges.putIfAbsent(edge.getBpmnElement().getId(), edge);
            }
        }
        List<FlowNode> drawn = new ArrayList<>();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            BpmnShape shape = shapes.get(node.getId());
            Bounds bounds = shape == null ? null : shape.getBounds();
            if (shape == null) {
                p.error(node.getId(), LAYOUT, kind(node) + " " + node.getId() + " is not in the diagram: draw it (the Modeler adds "
                        + "a shape when the element is placed on the canvas).");
            } else if (bounds == null || bounds.getWidth() <= 0 || bounds.getHeight() <= 0) {
                p.error(node.getId(), LAYOUT, "The diagram shape of " + node.getId() + " has no size: redraw the element.");
            } else {
                drawn.add(node);
            }
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            BpmnEdge edge = edges.get(flow.getId());
            if (edge == null) {
                p.error(flow.getId(), LAYOUT, "Flow " + flow.getId() + " is not in the diagram: draw it between "
                        + flow.getSource().getId() + " and " + flow.getTarget().getId() + ".");
            } else if (edge.getWaypoints().size() < 2) {
                p.error(flow.getId(), LAYOUT, "The diagram edge of flow " + flow.getId() + " has fewer than two waypoints: redraw it.");
            }
        }
        for (int i = 0; i < drawn.size(); i++) {
            for (int j = i + 1; j < drawn.size(); j++) {
                FlowNode a = drawn.get(i);
                FlowNode b = drawn.get(j);
                BpmnShape sa = shapes.get(a.getId());
                BpmnShape sb = shapes.get(b.getId());
                if (sa.getParentElement() != sb.getParentElement() || attached(a, b) || attached(b, a) || contains(a, b) || contains(b, a)) {
                    continue;
                }
                if (overlap(sa.getBounds(), sb.getBounds())) {
                    p.add(a.getId(), Severity.WARNING, LAYOUT, "The shapes of " + a.getId() + " and " + b.getId() + " overlap in the diagram: "
                            + "move one so that both can be read.");
                }
            }
        }
    }

    private static boolean overlap(Bounds a, Bounds b) {
        return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
                && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
    }

    private static boolean attached(FlowNode boundary, FlowNode activity) {
        return boundary instanceof BoundaryEvent event && event.getAttachedTo() == activity;
    }

    /** An expanded sub-process's shape holds the shapes of its elements. */
    private static boolean contains(FlowNode container, FlowNode element) {
        if (!(container instanceof SubProcess)) {
            return false;
        }
        for (var parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
            if (parent == container) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- DMN

    private static void dmn(Problems p, DmnModelInstance model) {
        Collection<Decision> decisions = model.getModelElementsByType(Decision.class);
        if (decisions.size() != 1) {
            p.error(model.getDefinitions().getId(), DMN_CONVENTIONS, "The file holds " + decisions.size() + " decisions; it must hold "
                    + "exactly one decision table, in a file named after its id.");
        } else {
            Decision decision = decisions.iterator().next();
            if (!p.baseName().equals(decision.getId() + ".dmn")) {
                p.error(decision.getId(), FILE_NAME, "The file is named " + p.baseName() + " but holds decision " + decision.getId()
                        + ": name the file " + decision.getId() + ".dmn, or the decision after the file.");
            }
        }
        Map<String, DomElement> shapes = decisionShapes(model);
        for (Decision decision : decisions) {
            decision(p, decision, shapes.get(decision.getId()));
        }
    }

    private static void decision(Problems p, Decision decision, DomElement shape) {
        String id = decision.getId();
        if (GeneratedIds.isGenerated(id)) {
            generated(p, id, Severity.ERROR, "decision");
        } else if (id == null || !KEBAB.matcher(id).matches()) {
            p.error(id, KEBAB_ID, "The id of decision " + id + " is not kebab-case: use lower-case words joined by hyphens, such as "
                    + "relocation-allowances.");
        }
        if (blank(decision.getName())) {
            p.error(id, NAMED, "Decision " + id + " has no name: name it after what it decides.");
        }
        if (blank(dmnExtension(decision, "historyTimeToLive"))) {
            p.error(id, HISTORY_TTL, "Decision " + id + " has no history time to live: set it (P180D, as the other decisions) so "
                    + "that the engine removes the history of its evaluations.");
        }
        if (decision.getDescription() == null || blank(decision.getDescription().getTextContent())) {
            p.error(id, DMN_CONVENTIONS, "Decision " + id + " has no description: say in a few sentences what it decides and how "
                    + "the rules are read.");
        }
        if (shape == null) {
            p.error(id, LAYOUT, "Decision " + id + " is not in the decision diagram (DMNDI): open the file in the Modeler and save "
                    + "it, which draws it.");
        } else if (!positiveBounds(shape)) {
            p.error(id, LAYOUT, "The diagram shape of decision " + id + " has no size: redraw it.");
        }
        if (!(decision.getExpression() instanceof DecisionTable table)) {
            p.error(id, DMN_CONVENTIONS, "Decision " + id + " is no decision table: the workers evaluate decision tables only.");
            return;
        }
        for (Input input : table.getInputs()) {
            if (blank(input.getLabel())) {
                p.error(input.getId(), NAMED, "Input column " + input.getId() + " of decision " + id + " has no label: name what it "
                        + "compares.");
            }
            clauseId(p, input, "input column");
        }
        for (Output output : table.getOutputs()) {
            if (blank(output.getLabel())) {
                p.error(output.getId(), NAMED, "Output column " + output.getId() + " (" + output.getName() + ") of decision " + id
                        + " has no label: name what it gives.");
            }
            clauseId(p, output, "output column");
        }
        List<Rule> rules = List.copyOf(table.getRules());
        for (int i = 0; i < rules.size(); i++) {
            rule(p, id, rules.get(i), i + 1);
        }
        if (table.getHitPolicy() == HitPolicy.FIRST) {
            Rule last = rules.isEmpty() ? null : rules.get(rules.size() - 1);
            boolean catchAll = last != null && last.getInputEntries().stream()
                    .allMatch(e -> blank(e.getTextContent()) || "-".equals(e.getTextContent().trim()));
            if (last == null || !catchAll || !CATCH_ALL.equals(last.getId())) {
                p.error(last == null ? id : last.getId(), DMN_CONVENTIONS, "The last rule of decision " + id + " (first match wins) "
                        + "must be the catch-all " + CATCH_ALL + ", with \"-\" in every input column, so that every case gets an "
                        + "answer" + (last == null ? "." : "; it is " + describe(last, rules.size()) + "."));
            }
        }
    }

    private static void clauseId(Problems p, DmnElement clause, String kind) {
        if (GeneratedIds.isGenerated(clause.getId())) {
            generated(p, clause.getId(), Severity.WARNING, kind);
        }
    }

    private static void rule(Problems p, String decisionId, Rule rule, int position) {
        String id = rule.getId();
        if (GeneratedIds.isGenerated(id)) {
            p.add(id, Severity.WARNING, GENERATED_ID, "Rule " + position + " of decision " + decisionId + " (" + describe(rule, position)
                    + ") has an id the modelling tool made up: give it one such as rule-long-term-band-a in the XML, because the "
                    + "decision log and the comparison of versions name rules by id.");
        } else if (id == null || !RULE_ID.matcher(id).matches()) {
            p.add(id, Severity.WARNING, DMN_CONVENTIONS, "The id of rule " + position + " of decision " + decisionId + " is not rule-"
                    + "followed by kebab-case words, such as rule-long-term-band-a.");
        }
        if (rule.getDescription() == null || blank(rule.getDescription().getTextContent())) {
            p.add(id, Severity.WARNING, DMN_CONVENTIONS, "Rule " + position + (id == null ? "" : " (" + id + ")") + " of decision "
                    + decisionId + " has no description: "
                    + "say in the annotation column why the rule exists (the policy clause it implements).");
        }
        boolean generatedEntries = rule.getInputEntries().stream().map(InputEntry::getId).anyMatch(GeneratedIds::isGenerated)
                || rule.getOutputEntries().stream().map(OutputEntry::getId).anyMatch(GeneratedIds::isGenerated);
        if (generatedEntries) {
            p.add(id, Severity.WARNING, GENERATED_ID, "The cells of rule " + position + " of decision " + decisionId + " have ids the "
                    + "modelling tool made up; they are kept, but cells named after the rule read better in the XML.");
        }
    }

    private static String describe(Rule rule, int position) {
        String description = rule.getDescription() == null ? null : rule.getDescription().getTextContent();
        return "rule " + position + (rule.getId() == null ? "" : " " + rule.getId())
                + (blank(description) ? "" : ", \"" + description.trim() + "\"");
    }

    /** The DMNDI shapes of the decisions: decision id to its DMNShape element. */
    private static Map<String, DomElement> decisionShapes(DmnModelInstance model) {
        Map<String, DomElement> shapes = new HashMap<>();
        collectShapes(model.getDocument().getRootElement(), shapes);
        return shapes;
    }

    private static void collectShapes(DomElement element, Map<String, DomElement> shapes) {
        for (DomElement child : element.getChildElements()) {
            if ("DMNShape".equals(child.getLocalName())) {
                String ref = child.getAttribute("dmnElementRef");
                if (ref != null) {
                    shapes.putIfAbsent(ref.contains(":") ? ref.substring(ref.indexOf(':') + 1) : ref, child);
                }
            } else if ("DMNDI".equals(child.getLocalName()) || "DMNDiagram".equals(child.getLocalName())) {
                collectShapes(child, shapes);
            }
        }
    }

    private static boolean positiveBounds(DomElement shape) {
        for (DomElement child : shape.getChildElements()) {
            if ("Bounds".equals(child.getLocalName())) {
                return positive(child.getAttribute("width")) && positive(child.getAttribute("height"));
            }
        }
        return false;
    }

    private static boolean positive(String number) {
        try {
            return number != null && Double.parseDouble(number) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String dmnExtension(Decision decision, String attribute) {
        String value = decision.getAttributeValueNs(CAMUNDA_DMN, attribute);
        return value != null ? value : decision.getAttributeValueNs(OPERATON_DMN, attribute);
    }

    // ---------------------------------------------------------------- common

    /** "User task", "Exclusive gateway", "Boundary event", from the element's type. */
    private static String kind(BaseElement element) {
        String type = element.getElementType().getTypeName();
        StringBuilder sb = new StringBuilder();
        for (char c : type.toCharArray()) {
            if (Character.isUpperCase(c) && sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(sb.length() == 0 ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return sb.toString();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static SAXParseException saxCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SAXParseException sax) {
                return sax;
            }
        }
        return null;
    }

    /** The problems found so far in one file, each placed by {@link ElementLines}. */
    private static final class Problems {
        final String file;
        final ElementLines lines;
        private final List<ModelProblem> list = new ArrayList<>();

        Problems(String file, ElementLines lines) {
            this.file = file;
            this.lines = lines;
        }

        String baseName() {
            return file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        }

        void error(String elementId, String rule, String message) {
            add(elementId, Severity.ERROR, rule, message);
        }

        void add(String elementId, Severity severity, String rule, String message) {
            ElementLines.Position at = lines.of(elementId);
            list.add(new ModelProblem(file, elementId, at.line(), at.column(), severity, rule, message));
        }
    }
}
