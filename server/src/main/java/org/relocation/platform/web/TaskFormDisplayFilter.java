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
 * Adds a form's read-time values to the form variables the Tasklist loads ({@code GET .../task/{id}/form-variables}):
 * the case card of every form ({@link org.relocation.platform.form.FormContextProvider}), the handler's context (an
 * approval brief as data) and display-only fields, built from the case records each time: they are never stored as
 * variables. Maps and lists are sent as {@code Json} values, which the Tasklist parses into form data. Presentation only: it runs after authentication, and only the engine's own 200
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
            Map<String, Object> shown = opened.get().values();
            if (asked != null) {
                shown.keySet().retainAll(asked);
            }
            JsonNode root = json.readTree(body);
            if (shown.isEmpty() || !(root instanceof ObjectNode variables)) {
                return null;
            }
            for (Map.Entry<String, Object> e : shown.entrySet()) {
                ObjectNode value = variables.putObject(e.getKey());
                if (e.getValue() instanceof Map<?, ?> || e.getValue() instanceof java.util.Collection<?>) {
                    // a response value only: the Tasklist parses a Json value into form data; the engine never sees it
                    value.put("type", "Json");
                    value.put("value", json.writeValueAsString(e.getValue()));
                } else {
                    value.put("type", "String");
                    value.put("value", String.valueOf(e.getValue()));
                }
                value.putObject("valueInfo");
            }
            return json.writeValueAsBytes(variables);
        } catch (IOException | RuntimeException e) {
            log.warn("Display fields of task {} not added: {}", taskId, e.getClass().getSimpleName());
            return null;
        }
    }
}
