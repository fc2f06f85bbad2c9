package org.relocation.apidocs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.relocation.Api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The reviewed API contract, {@code docs/openapi.json}: the OpenAPI document as the server serves it, written with
 * sorted keys and two-space indents so that one change to the API is one readable change to the file. The build
 * generates the tests' client from it (server/pom.xml, openapi-generator); ApiContractTest compares it with the served
 * document.
 */
final class ApiContract {

    /** The tests run in the server module's folder. */
    static final Path FILE = Path.of("..", "docs", "openapi.json");
    /** The served document, as the last ApiContractTest run read it. */
    static final Path SERVED = Path.of("target", "openapi.json");
    /** The system property that makes ApiContractTest write the served document to {@link #FILE}. */
    static final String UPDATE = "api.contract.update";
    static final String HOW_TO_UPDATE = "update it with ./mvnw -B -pl server -am verify -Dtest=ApiContractTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE + "=true (or copy server/target/openapi.json to docs/openapi.json), "
            + "review the diff and commit it";
    private static final int SHOWN = 30;
    private static final List<String> TOP_LEVEL = List.of("openapi", "info", "servers", "security", "tags", "paths", "components");

    private ApiContract() {
    }

    /** The document as the contract file holds it: keys sorted at every level, arrays in their order, a final newline. */
    static String write(JsonNode document) throws JsonProcessingException {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indenter);
        printer.indentArraysWith(indenter);
        JsonNode sorted = sorted(document);
        ObjectNode ordered = Api.JSON.createObjectNode(); // the top level in the usual order, for a reader
        TOP_LEVEL.stream().filter(sorted::has).forEach(name -> ordered.set(name, sorted.get(name)));
        sorted.fields().forEachRemaining(e -> ordered.putIfAbsent(e.getKey(), e.getValue()));
        return Api.JSON.writer(printer).writeValueAsString(ordered) + "\n";
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = Api.JSON.createObjectNode();
            new TreeSet<String>(iterable(node)).forEach(name -> copy.set(name, sorted(node.get(name))));
            return copy;
        }
        if (node.isArray()) {
            var copy = Api.JSON.createArrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    /**
     * Where the served document differs from the reviewed one, as JSON pointers (the first few): objects compared by
     * their members whatever the order, arrays element by element, numbers by value (1 and 1.0 are one number).
     */
    static List<String> differences(JsonNode reviewed, JsonNode served) {
        List<String> found = new ArrayList<>();
        compare("", reviewed, served, found);
        if (found.size() > SHOWN) {
            int more = found.size() - SHOWN;
            found = new ArrayList<>(found.subList(0, SHOWN));
            found.add("... and " + more + " more");
        }
        return found;
    }

    private static void compare(String at, JsonNode reviewed, JsonNode served, List<String> found) {
        if (reviewed == null || served == null) {
            found.add((reviewed == null ? "added " : "removed ") + pointer(at));
        } else if (reviewed.isObject() && served.isObject()) {
            TreeSet<String> names = new TreeSet<>(iterable(reviewed));
            names.addAll(iterable(served));
            names.forEach(name -> compare(at + "/" + name.replace("~", "~0").replace("/", "~1"), reviewed.get(name), served.get(name), found));
        } else if (reviewed.isArray() && served.isArray()) {
            for (int i = 0; i < Math.max(reviewed.size(), served.size()); i++) {
                compare(at + "/" + i, reviewed.get(i), served.get(i), found);
            }
        } else if (reviewed.isNumber() && served.isNumber()) {
            if (reviewed.decimalValue().compareTo(served.decimalValue()) != 0) {
                found.add("changed " + pointer(at) + ": " + reviewed + " -> " + served);
            }
        } else if (!reviewed.equals(served)) {
            found.add("changed " + pointer(at) + ": " + abbreviated(reviewed) + " -> " + abbreviated(served));
        }
    }

    private static String pointer(String at) {
        return at.isEmpty() ? "/" : at;
    }

    private static String abbreviated(JsonNode node) {
        String text = node.toString();
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
