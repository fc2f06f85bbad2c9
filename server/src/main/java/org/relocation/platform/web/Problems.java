package org.relocation.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one error format of every API (RFC 9457, {@code application/problem+json}): {@code type} (a URI naming the kind,
 * {@value #TYPES}{@code <slug of the title>}), {@code title}, {@code status}, {@code detail} (a sentence, never personal
 * data), {@code instance} (the request's path) and, for a 400, {@code fieldErrors} (field → what is wrong). Spring fills
 * {@code instance} of a controller's answer; the security chain and the error page write theirs with {@link #write}.
 */
public final class Problems {

    public static final String TYPES = "https://relocation-engine.org/problems/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setType(type(title));
        return p;
    }

    /**
     * A 400 naming every bad field; the detail is one sentence per field, one after the other. A field's problem is either
     * a sentence of its own (upper case: "Choose the decision: accept or reject.") or a fragment that follows the field's
     * name ("is required" → "body is required.").
     */
    public static ProblemDetail invalid(Map<String, String> fieldErrors) {
        ProblemDetail p = of(HttpStatus.BAD_REQUEST, "Invalid request",
                fieldErrors.entrySet().stream().map(en -> sentence(en.getKey(), en.getValue())).collect(Collectors.joining(" ")));
        p.setProperty("fieldErrors", fieldErrors);
        return p;
    }

    /** A field's problem as a sentence: kept when it is one (upper case), else "field fragment."; ends with a full stop. */
    static String sentence(String field, String problem) {
        String text = problem == null || problem.isBlank() ? "is not accepted" : problem.strip();
        String whole = Character.isUpperCase(text.charAt(0)) ? text : field + " " + text;
        return whole.endsWith(".") || whole.endsWith("?") || whole.endsWith("!") ? whole : whole + ".";
    }

    /** Allowed values for a sentence: "A, B or C". */
    public static String oneOf(java.util.List<String> values) {
        return values.size() < 2 ? String.join("", values)
                : String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1);
    }

    /** {@code https://relocation-engine.org/problems/not-found} for "Not found". */
    public static URI type(String title) {
        return URI.create(TYPES + title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", ""));
    }

    /** Writes a problem outside Spring MVC (security chain, error page), with the request's path as instance. */
    public static void write(HttpServletResponse response, ProblemDetail problem, String path) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", path);
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), body);
    }
}
