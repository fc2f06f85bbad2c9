package org.relocation.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;
import org.relocation.platform.engine.FormSchemas;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a task completion (engine REST complete/submit-form, and the Tasklist's own API) against the
 * task's form before the engine sees it: a missing required field or a value outside a radio/select
 * is a 400 naming the field, and the task stays open. The engine-side listener checks again for Java callers.
 */
class FormSubmissionGuard extends OncePerRequestFilter {

    private static final Pattern COMPLETE = Pattern.compile(".*/(engine-rest|api/engine/engine/[^/]+)/task/([^/]+)/(complete|submit-form)$");
    private static final int MAX_BODY = 1024 * 1024;

    private final TaskService tasks;
    private final FormSchemas forms;
    private final ObjectMapper json;

    FormSubmissionGuard(TaskService tasks, FormSchemas forms, ObjectMapper json) {
        this.tasks = tasks;
        this.forms = forms;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !COMPLETE.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher m = COMPLETE.matcher(request.getRequestURI());
        if (!m.matches()) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
            return;
        }
        Task task = tasks.createTaskQuery().taskId(m.group(2)).singleResult();
        if (task != null) {
            Map<String, String> problems = forms.violations(task.getTaskDefinitionKey(), submittedValues(body));
            if (!problems.isEmpty()) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                json.writeValue(response.getOutputStream(), Map.of("type", "InvalidRequestException",
                        "message", "Form " + task.getTaskDefinitionKey() + " has invalid fields: " + problems, "fieldErrors", problems));
                return;
            }
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private Map<String, Object> submittedValues(byte[] body) {
        Map<String, Object> values = new HashMap<>();
        if (body.length == 0) {
            return values;
        }
        try {
            JsonNode variables = json.readTree(body).path("variables");
            variables.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue().path("value");
                values.put(e.getKey(), v.isNull() || v.isMissingNode() ? null
                        : v.isBoolean() ? v.asBoolean() : v.isNumber() ? v.numberValue() : v.asText());
            });
        } catch (IOException e) {
            // malformed JSON: the engine REST answers it with its own 400
        }
        return values;
    }
}
