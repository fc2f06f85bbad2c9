package org.relocation.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.interceptor.CommandExecutor;
import org.operaton.bpm.engine.impl.persistence.entity.TaskEntity;
import org.relocation.platform.engine.TaskFormHandlers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds a form's display-only fields (an approval brief, the approver's send-back comment) to the form variables the
 * Tasklist loads ({@code GET .../task/{id}/form-variables}), built by the form's handler from the case records each time:
 * they are never stored as variables. Presentation only: it runs after authentication, and only the engine's own 200
 * answer (the caller may see the task) is augmented.
 */
class TaskFormDisplayFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(TaskFormDisplayFilter.class);
    private static final Pattern FORM_VARIABLES = Pattern.compile(".*/(engine-rest|api/engine/engine/[^/]+)/task/([^/]+)/form-variables$");

    private final TaskFormHandlers handlers;
    private final CommandExecutor commands;
    private final ObjectMapper json;

    TaskFormDisplayFilter(TaskFormHandlers handlers, ProcessEngine engine, ObjectMapper json) {
        this.handlers = handlers;
        this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !FORM_VARIABLES.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapped);
        if (wrapped.getStatus() == 200) {
            byte[] augmented = augment(request, wrapped.getContentAsByteArray());
            if (augmented != null) {
                wrapped.resetBuffer();
                response.setContentLength(augmented.length);
                response.getOutputStream().write(augmented);
                return;
            }
        }
        wrapped.copyBodyToResponse();
    }

    private byte[] augment(HttpServletRequest request, byte[] body) {
        Matcher m = FORM_VARIABLES.matcher(request.getRequestURI());
        if (!m.matches()) {
            return null;
        }
        String taskId = m.group(2);
        try {
            Optional<TaskFormHandlers.OpenedForm> opened = commands.execute(context -> {
                TaskEntity t = context.getTaskManager().findTaskById(taskId);
                return t == null ? Optional.<TaskFormHandlers.OpenedForm>empty() : handlers.opened(t);
            });
            if (opened.isEmpty()) {
                return null;
            }
            String names = request.getParameter("variableNames");
            java.util.List<String> asked = names == null ? null : java.util.Arrays.asList(names.split(","));
            if (asked != null && opened.get().handler().displayFields().stream().noneMatch(asked::contains)) {
                return null;
            }
            JsonNode root = json.readTree(body);
            if (!(root instanceof ObjectNode variables)) {
                return null;
            }
            for (Map.Entry<String, Object> shown : opened.get().handler().display(opened.get().context()).entrySet()) {
                if (asked == null || asked.contains(shown.getKey())) {
                    ObjectNode value = variables.putObject(shown.getKey());
                    value.put("type", "String");
                    value.put("value", String.valueOf(shown.getValue()));
                    value.putObject("valueInfo");
                }
            }
            return json.writeValueAsBytes(variables);
        } catch (IOException | RuntimeException e) {
            log.warn("Display fields of task {} not added: {}", taskId, e.getClass().getSimpleName());
            return null;
        }
    }
}
