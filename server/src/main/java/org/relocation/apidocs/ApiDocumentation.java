package org.relocation.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenAPI document of the case API ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}) as a contract:
 * the info block, HTTP Basic applied to every operation but the signed vendor callback, one named problem body
 * ({@code Problem}, and {@code ValidationProblem} for a 400 with {@code fieldErrors}; 401 and 429 too), and the error responses every
 * operation can give by the platform's rules (see {@link #responses}). What each field may hold (enums, patterns,
 * limits, required fields) is in {@link ApiSchemaRules}; names of schemas and operation ids are on the controllers and
 * their records ({@code @Schema(name = ...)}, {@code @Operation(operationId = ...)}), and {@link SchemaNames} reports
 * two types that would share a name. {@code ApiContractTest} holds the document to all of it.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BASIC_AUTH = "basicAuth";
    static final String PROBLEM = "Problem";
    static final String VALIDATION_PROBLEM = "ValidationProblem";
    /** A refused model deployment (400): a problem with every problem of the models, or a bad field (model-changes API). */
    static final String DEPLOYMENT_REFUSED_PROBLEM = "DeploymentRefusedProblem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String RESPONSES = "#/components/responses/";

    static {
        // free-form JSON (a policy decision's inputs and outputs, a decision-log entry's details): any JSON object
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema().description("Any JSON value"));
    }

    @Bean
    OpenAPI relocationOpenApi(@Value("${relocation.api.version:unknown}") String version) {
        return new OpenAPI()
                .info(new Info()
                        .title("Relocation engine API")
                        .version(version)
                        .description("""
                                The case API of the relocation engine: open and read relocation cases, their documents, key dates, \
                                estimates, policy exceptions, approvals and decision log; finance views and exchange rates; signed \
                                vendor callbacks. Every operation but the vendor callback authenticates with HTTP Basic against the \
                                engine's users, and each role sees only the cases and fields it may (README "Who reads what"). \
                                Errors are RFC 9457 problem details (application/problem+json): a 400 names every bad field in \
                                fieldErrors and writes nothing.""")
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .components(new Components()
                        .addSecuritySchemes(BASIC_AUTH, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("The engine's users and passwords (the demo's: specialist/demo, ...). Repeated failed "
                                        + "logins are throttled (429 with Retry-After).")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC_AUTH))
                // relative to the document: springdoc would name the host and port the request came by (a random port in
                // the tests, an internal address behind a proxy), which is neither stable nor what a client should call
                .servers(List.of(new Server().url("/").description("The server that serves this document")));
    }

    @Bean
    OpenApiCustomizer apiContract() {
        return api -> {
            Components components = api.getComponents();
            components.addSchemas(PROBLEM, problem());
            components.addSchemas(VALIDATION_PROBLEM, validationProblem());
            standardResponses().forEach(components::addResponses);
            ApiSchemaRules.apply(components.getSchemas());
            if (api.getPaths() != null) {
                api.getPaths().forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, operation) -> {
                            ApiSchemaRules.applyToParameters(operation);
                            responses(path, method, operation);
                        }));
            }
            components.setSchemas(new TreeMap<>(components.getSchemas()));
            if (api.getTags() != null) {
                // in the order of their names, not of the controllers' discovery: the document is compared as a snapshot
                api.setTags(api.getTags().stream().sorted(java.util.Comparator.comparing(Tag::getName)).toList());
            }
        };
    }

    @Bean
    static SchemaNames schemaNames() {
        return SchemaNames.application();
    }

    /**
     * The responses the platform gives besides an operation's own: 400 for any operation with input (bad parameters
     * or body, {@code ApiExceptionHandler}), 404 for any with a path variable (unknown, or beyond the caller's cases),
     * 415 for a JSON body of another type; and for the authenticated ones (all but the vendor callback) 401, 403 (a
     * role that may not) and 429 (throttled logins). An operation's declared error responses get the problem body.
     */
    static void responses(String path, PathItem.HttpMethod method, Operation operation) {
        boolean anonymous = path.startsWith("/api/vendor-callbacks/") || path.startsWith("/api/key-dates/feeds/");
        if (anonymous) {
            operation.setSecurity(List.of()); // signed instead, or a secret address (see its description)
        }
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().containsKey(org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)) {
            // an upload takes its parts as multipart/form-data only (springdoc adds a JSON twin of the form)
            operation.getRequestBody().getContent().keySet().removeIf(type -> !type.equals(org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE));
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean input = (operation.getParameters() != null && !operation.getParameters().isEmpty()) || operation.getRequestBody() != null;
        boolean jsonBody = operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().containsKey(org.springframework.http.MediaType.APPLICATION_JSON_VALUE);
        if (input) {
            responses.putIfAbsent("400", ref("BadRequest"));
        }
        if (!anonymous) {
            responses.putIfAbsent("401", ref("Unauthorized"));
            responses.putIfAbsent("403", ref("Forbidden"));
        }
        if (path.contains("{")) {
            responses.putIfAbsent("404", ref("NotFound"));
        }
        if (jsonBody && !anonymous) {
            responses.putIfAbsent("415", ref("UnsupportedMediaType"));
        }
        if (!anonymous) {
            responses.putIfAbsent("429", ref("TooManyRequests"));
        }
        responses.forEach((code, response) -> {
            // an error declared on a controller gets the problem body (springdoc would give it the operation's answer)
            if (response.get$ref() == null && (code.startsWith("4") || code.startsWith("5")) && !hasErrorBody(response)) {
                response.setContent(problemContent("400".equals(code) && !anonymous ? VALIDATION_PROBLEM : PROBLEM));
            }
        });
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(responses).forEach(sorted::addApiResponse);
        operation.setResponses(sorted);
    }

    private static Map<String, ApiResponse> standardResponses() {
        Map<String, ApiResponse> r = new LinkedHashMap<>();
        r.put("BadRequest", new ApiResponse().description("Invalid request: fieldErrors names each bad parameter or body field "
                + "(a path, such as dependents[0].nationality); nothing was written").content(problemContent(VALIDATION_PROBLEM)));
        r.put("Unauthorized", new ApiResponse().description("No credentials, or a wrong user or password (HTTP Basic)")
                .addHeaderObject("WWW-Authenticate", new Header().description("Basic realm=\"relocation-engine\" (not to a page's "
                        + "own requests)").schema(new StringSchema()))
                .content(problemContent(PROBLEM)));
        r.put("Forbidden", new ApiResponse().description("The caller's role may not do this").content(problemContent(PROBLEM)));
        r.put("NotFound", new ApiResponse().description("Unknown, or beyond the cases the caller may read (the same answer)")
                .content(problemContent(PROBLEM)));
        r.put("UnsupportedMediaType", new ApiResponse().description("The body is not application/json").content(problemContent(PROBLEM)));
        r.put("TooManyRequests", new ApiResponse().description("Too many failed logins from this address or for this account: "
                        + "no login is tried until Retry-After has passed")
                .addHeaderObject("Retry-After", new Header().description("Seconds to wait").schema(new IntegerSchema()))
                .content(problemContent(PROBLEM)));
        return r;
    }

    private static boolean hasErrorBody(ApiResponse response) {
        return response.getContent() != null && !response.getContent().isEmpty() && response.getContent().values().stream()
                .allMatch(m -> m.getSchema() != null && m.getSchema().get$ref() != null
                        && List.of(PROBLEM, VALIDATION_PROBLEM, DEPLOYMENT_REFUSED_PROBLEM).contains(m.getSchema().get$ref().replace(SCHEMAS, "")));
    }

    private static ApiResponse ref(String name) {
        return new ApiResponse().$ref(RESPONSES + name);
    }

    private static Content problemContent(String schema) {
        return new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(SCHEMAS + schema)));
    }

    /** Spring's {@code ProblemDetail} as the API writes it (RFC 9457). */
    private static Schema<?> problem() {
        return new ObjectSchema()
                .description("An error as RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri").description("What kind of problem: "
                        + "https://relocation-engine.org/problems/ and the title's slug (not-found, forbidden, invalid-request, ...)")
                        .example("https://relocation-engine.org/problems/not-found"))
                .addProperty("title", new StringSchema().description("Short, the same for every problem of its kind").example("Not found"))
                .addProperty("status", new IntegerSchema().format("int32").minimum(java.math.BigDecimal.valueOf(400))
                        .maximum(java.math.BigDecimal.valueOf(599)).example(404))
                .addProperty("detail", new StringSchema().description("What went wrong with this request, as a sentence "
                        + "(never personal data)").example("No case 42"))
                .addProperty("instance", new StringSchema().format("uri-reference").description("The path of the request")
                        .example("/api/cases/42"))
                .required(List.of("type", "title", "status", "detail", "instance"));
    }

    /** A 400: the problem, and every bad field with what is wrong with it. */
    private static Schema<?> validationProblem() {
        Schema<?> s = problem().description("Invalid input: each bad field named in fieldErrors; nothing was written");
        s.addProperty("fieldErrors", new MapSchema().additionalProperties(new StringSchema())
                .description("Field (a path into the body such as dependents[0].nationality, a parameter, or body) → what is wrong: a sentence, "
                        + "or a fragment that follows the field's name (\"is required\"); the detail has one sentence per field")
                .example(Map.of("hostCountry", "Give the host country by its two-letter ISO code in capitals, such as DE for Germany.")));
        s.getProperties().get("title").example("Invalid request");
        s.getProperties().get("type").example("https://relocation-engine.org/problems/invalid-request");
        s.getProperties().get("status").example(400);
        s.setRequired(List.of("type", "title", "status", "detail", "instance", "fieldErrors"));
        return s;
    }

}
