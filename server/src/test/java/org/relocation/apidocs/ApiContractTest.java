package org.relocation.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.model.bpmn.instance.CallActivity;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is a contract (README "The case API"): loaded from the running server as a client would, it must
 * name every schema uniquely by its meaning, state the values of every enum-valued field, give every operation a
 * meaningful id and the error responses it can return with their problem body, describe HTTP Basic, use one paging
 * shape and upload files as multipart/form-data. The problem bodies it documents are those the server sends. And it must
 * be the reviewed contract, docs/openapi.json, from which the tests' client is generated ({@link ContractClientTest}).
 */
@ServerTest
class ApiContractTest {

    /** Names that say nothing of what a schema is, and so collide as soon as a second controller uses them. */
    static final Set<String> GENERIC_NAMES = Set.of("Request", "Response", "Row", "Item", "Log", "Entry", "View", "Details", "Page",
            "Paged", "Summary", "Created", "Line", "Amount", "Option", "Advice", "Review", "Timer", "Reminder", "Rate", "Applied",
            "Loaded", "Delegation", "Result", "Data", "Body", "Object", "JsonNode", "ProblemDetail", "Error", "Info", "Status");
    /** Fields whose values are a closed set wherever they appear (as a field or a query parameter). */
    static final Set<String> ENUM_FIELDS = Set.of("assignmentType", "relationship", "status", "caseStatus", "phase", "currentPhases",
            "decision", "kind", "category", "action", "serviceType", "recipientRole", "scope", "contentType",
            "healthPlan", "pensionContinuation", "payrollMode");
    /** The enum-named fields that are open on purpose (ApiSchemaRules says why in their descriptions). */
    static final Set<String> OPEN_SETS = Set.of("Notification.kind", "EstimateLine.category", "OptionLine.category",
            "TimelineEntry.phase");
    /** Fields that must carry an ISO code pattern wherever they appear. */
    static final Map<String, String> PATTERNS = Map.ofEntries(
            Map.entry("nationality", ApiSchemaRules.COUNTRY), Map.entry("homeCountry", ApiSchemaRules.COUNTRY),
            Map.entry("hostCountry", ApiSchemaRules.COUNTRY), Map.entry("country", ApiSchemaRules.COUNTRY),
            Map.entry("currency", ApiSchemaRules.CURRENCY), Map.entry("budgetCurrency", ApiSchemaRules.CURRENCY),
            Map.entry("baseSalaryCurrency", ApiSchemaRules.CURRENCY), Map.entry("baseCurrency", ApiSchemaRules.CURRENCY),
            Map.entry("quoteCurrency", ApiSchemaRules.CURRENCY), Map.entry("base", ApiSchemaRules.CURRENCY),
            Map.entry("quote", ApiSchemaRules.CURRENCY));

    @LocalServerPort
    int port;

    @Autowired
    SchemaNames schemaNames;

    JsonNode doc;

    @BeforeEach
    void load() throws java.io.IOException {
        ResponseEntity<JsonNode> r = Api.as(port, "specialist").get("/v3/api-docs");
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        doc = r.getBody();
        // for reading or diffing: server/target/openapi.json, written as the contract file is
        Files.writeString(ApiContract.SERVED, ApiContract.write(doc));
    }

    /**
     * The served document is the reviewed contract, docs/openapi.json, which the tests' client is generated from
     * (ContractClientTest): a change to the API shows in review as a change to that file. Run with
     * {@code -Dapi.contract.update=true} to write the served document there instead (README "The case API").
     */
    @Test
    void theDocumentIsTheReviewedContract() throws java.io.IOException {
        if (Boolean.getBoolean(ApiContract.UPDATE)) {
            Files.writeString(ApiContract.FILE, ApiContract.write(doc));
            return;
        }
        assertThat(Files.exists(ApiContract.FILE)).as("docs/openapi.json is missing: %s", ApiContract.HOW_TO_UPDATE).isTrue();
        JsonNode reviewed = Api.JSON.readTree(Files.readString(ApiContract.FILE));
        List<String> differences = ApiContract.differences(reviewed, doc);
        assertThat(differences).as("The served OpenAPI document differs from the reviewed contract docs/openapi.json (the served "
                + "one is in server/target/openapi.json). If the change is meant, %s. First differences", ApiContract.HOW_TO_UPDATE)
                .isEmpty();
        assertThat(Files.readString(ApiContract.FILE)).as("docs/openapi.json is not written as the update writes it (sorted "
                + "keys, two-space indents): %s", ApiContract.HOW_TO_UPDATE).isEqualTo(ApiContract.write(reviewed));
    }

    @Test
    void theDocumentNeedsCredentialsAndDescribesTheApiAndHttpBasic() {
        assertThat(Api.anonymous(port).get("/v3/api-docs").getStatusCode().value()).isEqualTo(401);
        JsonNode info = doc.get("info");
        assertThat(info.get("title").asText()).isEqualTo("Relocation engine API");
        assertThat(info.get("version").asText()).as("the project's version").matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(info.get("description").asText()).isNotBlank();
        assertThat(info.get("license").get("name").asText()).isEqualTo("Apache-2.0");

        JsonNode basic = doc.get("components").get("securitySchemes").get(ApiDocumentation.BASIC_AUTH);
        assertThat(basic.get("type").asText()).isEqualTo("http");
        assertThat(basic.get("scheme").asText()).isEqualTo("basic");
        assertThat(doc.get("security").get(0).has(ApiDocumentation.BASIC_AUTH)).as("applied to every operation").isTrue();
        assertThat(doc.get("servers").get(0).get("url").asText()).as("relative: not the host and port the request came by")
                .isEqualTo("/");
        assertThat(doc.get("tags").findValuesAsText("name")).as("each tag described once").doesNotHaveDuplicates().isSorted();
        JsonNode callback = doc.get("paths").get("/api/vendor-callbacks/{vendor}").get("post");
        assertThat(callback.get("security")).as("the vendor callback is signed instead").isEmpty();
    }

    @Test
    void everySchemaHasItsOwnMeaningfulName() {
        assertThat(schemaNames.collisions()).as("Java types documented under one schema name: give each its own "
                + "@Schema(name = ...)").isEmpty();
        assertThat(schemaNames.all()).as("the converter saw the API's types").containsKeys("CaseDetails", "KeyDateDetails");
        Set<String> names = fieldNames(doc.get("components").get("schemas"));
        assertThat(names).contains("CaseDetails", "KeyDateDetails", "ApproverAbsence", "PolicyException", "Problem", "ValidationProblem");
        for (String name : names) {
            assertThat(GENERIC_NAMES).as("schema %s names nothing in particular", name).doesNotContain(name);
            assertThat(name).as("schema name %s", name).matches("[A-Z][A-Za-z0-9]+").doesNotEndWith("View");
        }
    }

    @Test
    void enumValuedFieldsListTheirValuesAndCodesTheirPattern() {
        List<String> missing = new ArrayList<>();
        doc.get("components").get("schemas").fields().forEachRemaining(schema -> {
            JsonNode properties = schema.getValue().get("properties");
            if (properties == null) {
                return;
            }
            properties.fields().forEachRemaining(p -> check(schema.getKey() + "." + p.getKey(), p.getKey(), p.getValue(), missing));
        });
        operations().forEach((where, op) -> {
            for (JsonNode parameter : op.path("parameters")) {
                check(where + " ?" + parameter.get("name").asText(), parameter.get("name").asText(), parameter.get("schema"), missing);
            }
        });
        assertThat(missing).isEmpty();
        assertThat(doc.toString()).as("no empty examples").doesNotContain("\"example\":null");
        JsonNode intake = doc.get("components").get("schemas").get("CaseIntake");
        assertThat(intake.get("properties").get("assignmentType").findValuesAsText("enum")).isNotNull();
        assertThat(values(intake.get("properties").get("assignmentType"))).contains("LONG_TERM", "PERMANENT_TRANSFER");
        assertThat(intake.get("required").toString()).contains("employeeName", "hostCountry", "startDate");
        assertThat(intake.get("properties").get("gradeLevel").get("maximum").asInt()).isEqualTo(12);
        JsonNode details = doc.get("components").get("schemas").get("CaseDetails").get("properties");
        assertThat(details.get("createdAt").get("format").asText()).isEqualTo("date-time");
        assertThat(details.get("startDate").get("format").asText()).isEqualTo("date");
        assertThat(details.get("id").get("format").asText()).isEqualTo("int64");
        JsonNode rate = doc.get("components").get("schemas").get("ExchangeRateRow").get("properties").get("rate");
        assertThat(rate.get("exclusiveMinimum").asInt()).as("OpenAPI 3.1: a number").isZero();
    }

    private static void check(String where, String field, JsonNode schema, List<String> missing) {
        if (schema == null || schema.has("$ref")) {
            return;
        }
        boolean text = "string".equals(schema.path("type").asText())
                || "array".equals(schema.path("type").asText()) && "string".equals(schema.path("items").path("type").asText());
        if (ENUM_FIELDS.contains(field) && text && !OPEN_SETS.contains(where)) {
            JsonNode target = "array".equals(schema.path("type").asText()) ? schema.get("items") : schema;
            if (!target.has("enum") || target.get("enum").isEmpty()) {
                missing.add(where + " has no enum");
            }
        }
        if (PATTERNS.containsKey(field) && !PATTERNS.get(field).equals(schema.path("pattern").asText())) {
            missing.add(where + " has no pattern " + PATTERNS.get(field));
        }
    }

    @Test
    void everyOperationHasAMeaningfulIdAndItsErrorResponses() {
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        operations().forEach((where, op) -> {
            String id = op.path("operationId").asText();
            // springdoc's own ids are the method's name (get, list) and, for a repeated one, get_1
            if (!id.matches("[a-z]+[A-Z][A-Za-z]*")) {
                problems.add(where + ": operationId '" + id + "' is not a verb and a noun in camelCase");
            }
            if (!ids.add(id)) {
                problems.add(where + ": operationId " + id + " is used twice");
            }
            Set<String> codes = fieldNames(op.get("responses"));
            if (codes.stream().noneMatch(c -> c.startsWith("2"))) {
                problems.add(where + ": no success response");
            }
            if (codes.stream().noneMatch(c -> c.startsWith("4"))) {
                problems.add(where + ": no 4xx response");
            }
            boolean anonymous = op.has("security") && op.get("security").isEmpty();
            for (String code : anonymous ? List.of("401") : List.of("401", "403", "429")) {
                if (!codes.contains(code)) {
                    problems.add(where + ": no " + code);
                }
            }
            if (where.contains("{") && !codes.contains("404")) {
                problems.add(where + ": a path variable but no 404");
            }
            for (JsonNode parameter : op.path("parameters")) {
                if (!parameter.has("schema") && !parameter.has("content")) {
                    problems.add(where + ": parameter " + parameter.path("name").asText() + " has no schema");
                }
            }
            if ((op.has("requestBody") || op.path("parameters").size() > 0) && !codes.contains("400")) {
                problems.add(where + ": input but no 400");
            }
            op.get("responses").fields().forEachRemaining(r -> {
                if (r.getKey().startsWith("4") && !errorBody(r.getValue())) {
                    problems.add(where + ": response " + r.getKey() + " without a named error body");
                }
            });
        });
        assertThat(problems).isEmpty();
        assertThat(ids).contains("openCase", "getCase", "listCases", "uploadDocumentFile", "receiveVendorCallback");
        JsonNode open = doc.get("paths").get("/api/cases").get("post").get("responses");
        assertThat(fieldNames(open)).contains("201", "400", "401", "403", "409", "415", "429").doesNotContain("200");
        assertThat(doc.get("paths").get("/api/cases/{caseId}/documents/{documentId}/file").get("post").get("responses").has("413")).isTrue();
    }

    /** A 4xx response refers to one of the named problem bodies, directly or through a named response. */
    private boolean errorBody(JsonNode response) {
        JsonNode r = response;
        if (r.has("$ref")) {
            r = doc.get("components").get("responses").get(r.get("$ref").asText().replace("#/components/responses/", ""));
        }
        if (r == null || !r.has("content")) {
            return false;
        }
        Set<String> refs = new HashSet<>(r.get("content").findValuesAsText("$ref"));
        return !refs.isEmpty() && refs.stream().allMatch(ref -> Set.of("#/components/schemas/Problem", "#/components/schemas/ValidationProblem",
                "#/components/schemas/" + ApiDocumentation.DEPLOYMENT_REFUSED_PROBLEM).contains(ref));
    }

    @Test
    void everyListPagesTheSameWay() {
        Set<String> shapes = new TreeSet<>();
        doc.get("components").get("schemas").fields().forEachRemaining(s -> {
            if (s.getKey().startsWith("Paged")) {
                shapes.add(fieldNames(s.getValue().get("properties")).toString());
            }
        });
        assertThat(shapes).containsExactly("[items, page, size, totalItems, totalPages]");
        for (String path : List.of("/api/cases", "/api/key-dates")) {
            assertThat(doc.get("paths").get(path).get("get").get("responses").get("200").findValuesAsText("$ref"))
                    .as(path).allMatch(ref -> ref.startsWith("#/components/schemas/Paged"));
        }
    }

    @Test
    void aFileIsUploadedAsMultipartFormData() {
        JsonNode body = doc.get("paths").get("/api/cases/{caseId}/documents/{documentId}/file").get("post").get("requestBody");
        assertThat(fieldNames(body.get("content"))).containsExactly("multipart/form-data");
        JsonNode schema = body.get("content").get("multipart/form-data").get("schema");
        if (schema.has("$ref")) {
            schema = doc.get("components").get("schemas").get(schema.get("$ref").asText().replace("#/components/schemas/", ""));
        }
        assertThat(schema.get("properties").get("file").get("format").asText()).isEqualTo("binary");
        assertThat(schema.get("required").toString()).contains("file");
    }

    /** A phase is a call activity entered (platform/engine/JourneyListeners): those of every shipped process model. */
    @Test
    void thePhasesAreTheCallActivitiesOfTheJourney() throws java.io.IOException {
        Set<String> callActivities = new TreeSet<>();
        for (org.springframework.core.io.Resource model : new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                .getResources("classpath*:processes/*.bpmn")) {
            try (java.io.InputStream in = model.getInputStream()) {
                org.operaton.bpm.model.bpmn.Bpmn.readModelFromStream(in).getModelElementsByType(CallActivity.class)
                        .stream().filter(ApiContractTest::isPhase).forEach(c -> callActivities.add(c.getId()));
            }
        }
        assertThat(callActivities).contains("intake", "permit-renewal");
        assertThat(new TreeSet<>(ApiSchemaRules.PHASES)).isEqualTo(callActivities);
    }

    /** A call activity is a phase unless marked a step (camunda:property phase=false: the quotes called inside a phase). */
    private static boolean isPhase(CallActivity c) {
        return c.getExtensionElements() == null || c.getExtensionElements().getElementsQuery()
                .filterByType(org.operaton.bpm.model.bpmn.instance.operaton.OperatonProperties.class).list().stream()
                .flatMap(p -> p.getOperatonProperties().stream())
                .noneMatch(p -> "phase".equals(p.getOperatonName()) && "false".equals(p.getOperatonValue()));
    }

    @Test
    void theProblemBodiesAreThoseTheServerSends() {
        Map<String, JsonNode> schemas = new HashMap<>();
        doc.get("components").get("schemas").fields().forEachRemaining(e -> schemas.put(e.getKey(), e.getValue()));
        ResponseEntity<JsonNode> invalid = Api.as(port, "specialist").post("/api/cases", Api.JSON.createObjectNode());
        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        assertFits(invalid.getBody(), schemas.get("ValidationProblem"));
        ResponseEntity<JsonNode> missing = Api.as(port, "specialist").get("/api/cases/999999999");
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        assertFits(missing.getBody(), schemas.get("Problem"));
        ResponseEntity<JsonNode> forbidden = Api.as(port, "employee").post("/api/cases", Api.JSON.createObjectNode());
        assertThat(forbidden.getStatusCode().value()).isEqualTo(403);
        assertFits(forbidden.getBody(), schemas.get("Problem"));
        ResponseEntity<JsonNode> anonymous = Api.anonymous(port).get("/api/cases");
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertFits(anonymous.getBody(), schemas.get("Problem"));
    }

    /** Every required property is there, and nothing the schema does not name. */
    private static void assertFits(JsonNode body, JsonNode schema) {
        assertThat(body).as("a body").isNotNull();
        Set<String> declared = fieldNames(schema.get("properties"));
        for (JsonNode required : schema.get("required")) {
            assertThat(body.has(required.asText())).as("%s has %s", body, required.asText()).isTrue();
        }
        assertThat(declared).as("%s: every field documented", body).containsAll(fieldNames(body));
    }

    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> ops = new java.util.TreeMap<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (Set.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                ops.put(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
            }
        }));
        assertThat(ops).hasSizeGreaterThan(25);
        return ops;
    }

    private static List<String> values(JsonNode schema) {
        List<String> values = new ArrayList<>();
        schema.get("enum").forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        if (node != null) {
            node.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }
}
