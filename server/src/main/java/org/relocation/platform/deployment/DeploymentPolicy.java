package org.relocation.platform.deployment;

import org.operaton.bpm.engine.Problem;
import org.operaton.bpm.impl.juel.AstBinary;
import org.operaton.bpm.impl.juel.AstBoolean;
import org.operaton.bpm.impl.juel.AstChoice;
import org.operaton.bpm.impl.juel.AstComposite;
import org.operaton.bpm.impl.juel.AstEval;
import org.operaton.bpm.impl.juel.AstFunction;
import org.operaton.bpm.impl.juel.AstIdentifier;
import org.operaton.bpm.impl.juel.AstNested;
import org.operaton.bpm.impl.juel.AstNull;
import org.operaton.bpm.impl.juel.AstNumber;
import org.operaton.bpm.impl.juel.AstParameters;
import org.operaton.bpm.impl.juel.AstString;
import org.operaton.bpm.impl.juel.AstText;
import org.operaton.bpm.impl.juel.AstUnary;
import org.operaton.bpm.impl.juel.Builder;
import org.operaton.bpm.impl.juel.Node;
import org.operaton.bpm.impl.juel.TreeBuilderException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Text;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rule {@code no-code} of the {@link DeploymentValidator}: a deployment is code. A BPMN or DMN file is refused, each
 * offending element named, when it carries:
 * <ul>
 *   <li>a script task, or a script anywhere (listeners, conditions, input/output) in any language;</li>
 *   <li>a {@code class} or {@code expression} delegate (service tasks, listeners), a form handler or variable-mapping
 *       class, a connector, or a {@code delegateExpression} naming a bean outside {@code delegateBeans};</li>
 *   <li>anywhere else (timers, conditions, inputs/outputs, call-activity mappings, assignees, loop cardinality, ...)
 *       an expression that does more than read variables: only identifiers, literals, operators, the conditional
 *       operator and the functions in {@code functions} are allowed, or an expression in {@code allowedExpressions}
 *       verbatim; no property access, method call or index (each can run code);</li>
 *   <li>a DMN expression language other than FEEL (JUEL or a script), or a FEEL {@code external} Java function.</li>
 * </ul>
 * It runs for every new deployment, exempt keys included (see {@link ValidatingDeployer}).
 */
class DeploymentPolicy {

    private static final Set<String> ENGINE_NAMESPACES = Set.of("http://camunda.org/schema/1.0/bpmn", "http://operaton.org/schema/1.0/bpmn");
    private static final Set<String> CODE_ATTRIBUTES = Set.of("class", "expression", "formHandlerClass", "variableMappingClass",
            "variableMappingDelegateExpression");
    private static final Set<String> CODE_ELEMENTS = Set.of("scriptTask", "script", "connector");
    private static final Pattern BEAN_REFERENCE = Pattern.compile("[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");
    private static final Pattern FEEL_EXTERNAL = Pattern.compile("\\bexternal\\s*\\{");

    private final DeploymentRules rules;

    DeploymentPolicy(DeploymentRules rules) {
        this.rules = rules;
    }

    /** What a deployment may reference beyond variables: set by the operator, never by a deployment. */
    record DeploymentRules(Set<String> delegateBeans, Set<String> functions, Set<String> allowedExpressions) {
    }

    List<Problem> check(byte[] xml, boolean dmn) {
        List<Problem> problems = new ArrayList<>();
        Document document;
        try {
            document = parser().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            return problems; // not well-formed: the engine's own parser names the error
        }
        walk(document.getDocumentElement(), null, dmn, problems);
        return problems;
    }

    private void walk(Element element, String owner, boolean dmn, List<Problem> problems) {
        String id = element.hasAttribute("id") ? element.getAttribute("id") : owner;
        String local = element.getLocalName() == null ? element.getTagName() : element.getLocalName();
        boolean engineElement = isEngineNamespace(element.getNamespaceURI());
        if (CODE_ELEMENTS.contains(local) && (engineElement || local.equals("scriptTask"))) {
            problems.add(problem(id, "a " + local + " runs code; use a service task with a job worker (camunda:type=\"external\")"));
        }
        if (!dmn && (local.equals("conditionExpression") || local.equals("condition")) && element.hasAttribute("language")) {
            problems.add(problem(id, "a script condition (language " + element.getAttribute("language") + ") runs code"));
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            String name = a.getLocalName() == null ? a.getName() : a.getLocalName();
            boolean engineAttribute = isEngineNamespace(a.getNamespaceURI())
                    || (a.getNamespaceURI() == null && engineElement);
            if (engineAttribute && CODE_ATTRIBUTES.contains(name)) {
                problems.add(problem(id, "camunda:" + name + " runs code (" + a.getValue() + ")"));
            } else if (engineAttribute && name.equals("delegateExpression")) {
                var bean = BEAN_REFERENCE.matcher(a.getValue().trim());
                if (!bean.matches() || !rules.delegateBeans().contains(bean.group(1))) {
                    problems.add(problem(id, "camunda:delegateExpression " + a.getValue() + " names no allowed worker bean "
                            + rules.delegateBeans()));
                }
            } else if (dmn && name.equals("expressionLanguage") && !isFeel(a.getValue())) {
                problems.add(problem(id, "expression language " + a.getValue() + " is not allowed in a decision: use FEEL"));
            } else if (!dmn) {
                checkExpression(id, "attribute " + name, a.getValue(), problems);
            }
        }
        for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                walk(e, id, dmn, problems);
            } else if (child instanceof Text text && !text.getData().isBlank()) {
                if (dmn) {
                    if (FEEL_EXTERNAL.matcher(text.getData()).find()) {
                        problems.add(problem(id, "a FEEL external function calls Java"));
                    }
                } else if (!local.equals("documentation") && !local.equals("text")) {
                    checkExpression(id, local, text.getData(), problems);
                }
            }
        }
    }

    private static boolean isEngineNamespace(String uri) {
        return uri != null && ENGINE_NAMESPACES.contains(uri);
    }

    private static boolean isFeel(String language) {
        String l = language.trim().toLowerCase(Locale.ROOT);
        return l.equals("feel") || l.startsWith("https://www.omg.org/spec/dmn/") || l.startsWith("http://www.omg.org/spec/feel/")
                || l.startsWith("https://www.omg.org/spec/feel/") || l.startsWith("http://www.omg.org/spec/dmn/");
    }

    private void checkExpression(String id, String where, String value, List<Problem> problems) {
        if (value == null || (!value.contains("${") && !value.contains("#{"))) {
            return;
        }
        String text = value.trim();
        if (rules.allowedExpressions().contains(text)) {
            return;
        }
        String why;
        try {
            why = unsafe(new Builder().build(text).getRoot());
        } catch (TreeBuilderException e) {
            why = "it does not parse";
        }
        if (why != null) {
            problems.add(problem(id, "the expression " + text + " in " + where + " is refused: " + why
                    + "; an expression may only read variables (identifiers, literals, operators"
                    + (rules.functions().isEmpty() ? "" : ", the functions " + rules.functions()) + ")"));
        }
    }

    /** Why a JUEL syntax tree may run code, or null when it only reads variables. */
    private String unsafe(Node node) {
        if (node instanceof AstFunction f) {
            if (!rules.functions().contains(f.getName())) {
                return "it calls " + f.getName() + "()";
            }
        } else if (!(node instanceof AstEval || node instanceof AstComposite || node instanceof AstText || node instanceof AstIdentifier
                || node instanceof AstBinary || node instanceof AstUnary || node instanceof AstChoice || node instanceof AstNested
                || node instanceof AstString || node instanceof AstNumber || node instanceof AstBoolean || node instanceof AstNull
                || node instanceof AstParameters)) {
            return "it reaches into an object (" + node + ": a property, an index or a method call)";
        }
        for (int i = 0; i < node.getCardinality(); i++) {
            String why = unsafe(node.getChild(i));
            if (why != null) {
                return why;
            }
        }
        return null;
    }

    private static Problem problem(String elementId, String message) {
        return new NoCodeProblem(message, elementId == null ? "" : elementId);
    }

    private static DocumentBuilder parser() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder();
    }

    /** One refused construct: its element id and why. */
    private record NoCodeProblem(String message, String elementId) implements Problem {
        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public int getLine() {
            return 0;
        }

        @Override
        public int getColumn() {
            return 0;
        }

        @Override
        public String getMainElementId() {
            return elementId;
        }

        @Override
        public List<String> getElementIds() {
            return List.of(elementId);
        }
    }
}
