package org.relocation.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.repository.ProcessDefinition;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.interceptor.CommandExecutor;
import org.operaton.bpm.engine.impl.persistence.entity.TaskEntity;
import org.relocation.approval.web.ApprovalBrief;
import org.relocation.platform.engine.FormSchemas;
import org.relocation.platform.engine.IntakeForm;
import org.relocation.platform.engine.PersonalData;
import org.relocation.platform.engine.ProcessVariables;
import org.relocation.immigration.ImmigrationService;
import org.relocation.relocationcase.CaseService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a task completion or a start of the journey (engine REST complete/submit-form/start, and the
 * Tasklist's own API) against the form before the engine sees it: a missing required field or a value outside a radio/select
 * is a 400 naming the field, and the task stays open. The engine-side listener checks again for Java callers.
 */
class FormSubmissionGuard extends OncePerRequestFilter {

    private static final Pattern COMPLETE = Pattern.compile(".*/(engine-rest|api/engine/engine/[^/]+)/task/([^/]+)/(complete|submit-form)$");
    private static final Pattern START = Pattern.compile(".*/(engine-rest|api/engine/engine/[^/]+)/process-definition/(key/)?([^/]+)/(start|submit-form)$");
    private static final int MAX_BODY = 1024 * 1024;

    static final String START_FORM = "start-relocation";

    private final TaskService tasks;
    private final CommandExecutor commands;
    private final ImmigrationService immigration;
    private final CaseService cases;
    private final RepositoryService repository;
    private final FormSchemas forms;
    private final ObjectMapper json;

    FormSubmissionGuard(ProcessEngine engine, FormSchemas forms, ObjectMapper json, ImmigrationService immigration, CaseService cases) {
        this.immigration = immigration;
        this.cases = cases;
        this.tasks = engine.getTaskService();
        this.repository = engine.getRepositoryService();
        this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
        this.forms = forms;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !(COMPLETE.matcher(request.getRequestURI()).matches() || START.matcher(request.getRequestURI()).matches());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
            return;
        }
        String formId = formOf(request.getRequestURI());
        if (formId != null) {
            Map<String, Object> values = submittedValues(body);
            Map<String, String> problems = new LinkedHashMap<>(forms.violations(formId, values));
            problems.putAll(crossFieldProblems(formId, values));
            problems.putAll(caseProblems(formId, request.getRequestURI(), values));
            if (formId.equals(START_FORM)) {
                cases.intakeProblems(IntakeForm.toIntake(values)).forEach((field, problem) ->
                        problems.putIfAbsent(PersonalData.INTAKE_PREFIX + field, problem));
            }
            if (!problems.isEmpty() && visible(request.getRequestURI())) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                json.writeValue(response.getOutputStream(), Map.of("type", "InvalidRequestException",
                        "message", "Form " + formId + " has invalid fields: " + problems, "fieldErrors", problems));
                return;
            }
        }
        chain.doFilter(new CachedBodyRequest(request, withoutDisplayOnlyFields(body)), response);
    }

    /**
     * Display-only fields (the approval brief the form shows from the case records) are never stored with the task,
     * should a form submit them.
     */
    private byte[] withoutDisplayOnlyFields(byte[] body) throws IOException {
        if (body.length == 0) {
            return body;
        }
        try {
            JsonNode root = json.readTree(body);
            if (root.path("variables") instanceof com.fasterxml.jackson.databind.node.ObjectNode variables
                    && variables.remove(ApprovalBrief.FIELD) != null) {
                return json.writeValueAsBytes(root);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // not JSON: the engine answers it
        }
        return body;
    }

    /**
     * The form a submission fills: the task's form, or the start form of the relocation process. The task
     * is read by its id without authorization checks (one primary-key read before every completion); who may
     * complete it is decided by the engine after this filter, or by {@link #visible} before a 400.
     */
    private String formOf(String uri) {
        Matcher task = COMPLETE.matcher(uri);
        if (task.matches()) {
            String id = task.group(2);
            TaskEntity t = commands.execute(context -> context.getTaskManager().findTaskById(id));
            return t == null ? null : t.getTaskDefinitionKey();
        }
        Matcher start = START.matcher(uri);
        if (!start.matches()) {
            return null;
        }
        String key = start.group(2) != null ? start.group(3) : keyOf(start.group(3));
        return ProcessVariables.PROCESS_KEY.equals(key) ? START_FORM : null;
    }

    /**
     * Rules against the case records: the documents cannot be declared valid while one of them is rejected
     * (the specialist's review of that document) or still missing.
     */
    private Map<String, String> caseProblems(String formId, String uri, Map<String, Object> values) {
        boolean documents = formId.equals("validate-immigration-documents") && "valid".equals(values.get("documentsDecision"));
        if (!documents && !formId.equals("revise-intake")) {
            return Map.of();
        }
        Matcher task = COMPLETE.matcher(uri);
        if (!task.matches()) {
            return Map.of();
        }
        String id = task.group(2);
        Object caseId = commands.execute(context -> {
            TaskEntity t = context.getTaskManager().findTaskById(id);
            return t == null ? null : t.getVariable("caseId");
        });
        if (!(caseId instanceof Number n)) {
            return Map.of();
        }
        if (!documents) {
            return cases.revisionProblems(n.longValue(), IntakeForm.revision(values));
        }
        List<String> open = immigration.documentsNotAcceptable(n.longValue());
        return open.isEmpty() ? Map.of() : Map.of("documentsDecision",
                "documents rejected or missing: " + open + "; choose invalid to ask the employee for them again");
    }

    /** Right-to-work documents whose permission ends: the check must be repeated. */
    private static final java.util.Set<Object> TIME_LIMITED_PERMISSION = java.util.Set.of("passport-with-visa", "residence-permit", "work-permit");

    /** Approval forms: the prefix of their decision and comment fields. */
    private static final Map<String, String> APPROVAL_COMMENTS = Map.of(
            "approve-relocation", "manager", "approve-budget", "finance", "approve-transfer", "secondLevel");

    /** Rules that tie one field to another, which form-js cannot express as field validation. */
    static Map<String, String> crossFieldProblems(String formId, Map<String, Object> values) {
        if (formId.equals("confirm-arrival") && TIME_LIMITED_PERMISSION.contains(values.get("rtwDocumentType"))) {
            Object next = values.get("rtwNextCheckDate");
            if (!(next instanceof String s) || s.isBlank()) {
                return Map.of("rtwNextCheckDate", "is required for time-limited permission (" + values.get("rtwDocumentType") + ")");
            }
            Object checked = values.get("rtwCheckDate");
            if (FormSchemas.isDate(s) && checked instanceof String c && FormSchemas.isDate(c)
                    && !java.time.LocalDate.parse(s.substring(0, 10)).isAfter(java.time.LocalDate.parse(c.substring(0, 10)))) {
                return Map.of("rtwNextCheckDate", "must be after the check date");
            }
        }
        String decisionField = APPROVAL_COMMENTS.get(formId);
        if (decisionField != null) {
            Object decision = values.get(decisionField + "Decision");
            Object comment = values.get(decisionField + "Comment");
            if (("reject".equals(decision) || "send-back".equals(decision)) && (!(comment instanceof String c) || c.isBlank())) {
                return Map.of(decisionField + "Comment", "is required to " + ("reject".equals(decision) ? "reject" : "send the case back")
                        + ": say why, or what must change");
            }
        }
        if (formId.equals("decide-start-date") && "move".equals(values.get("startDateDecision"))) {
            Object date = values.get("newStartDate");
            if (!(date instanceof String s) || s.isBlank()) {
                return Map.of("newStartDate", "is required to move the start date");
            }
            if (!FormSchemas.isDate(s)) {
                return Map.of("newStartDate", "must be a date (yyyy-mm-dd)");
            }
            if (!java.time.LocalDate.parse(s.substring(0, 10)).isAfter(java.time.LocalDate.now(java.time.ZoneOffset.UTC))) {
                return Map.of("newStartDate", "must lie in the future");
            }
        }
        return Map.of();
    }

    /**
     * Whether the user may see the task a rejected submission is for: only then are its form's field errors
     * told; otherwise the engine answers as for any task the user may not touch.
     */
    private boolean visible(String uri) {
        Matcher task = COMPLETE.matcher(uri);
        return !task.matches() || tasks.createTaskQuery().taskId(task.group(2)).count() == 1;
    }

    private String keyOf(String processDefinitionId) {
        ProcessDefinition d = repository.createProcessDefinitionQuery().processDefinitionId(processDefinitionId).singleResult();
        return d == null ? null : d.getKey();
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
