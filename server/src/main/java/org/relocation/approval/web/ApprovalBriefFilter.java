package org.relocation.approval.web;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds the {@link ApprovalBrief} to the form variables the Tasklist loads for an approval task
 * ({@code GET .../task/{id}/form-variables}). Runs after authentication: the engine answers 403/404 for a task the
 * caller may not see, and only a 200 is augmented.
 */
class ApprovalBriefFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApprovalBriefFilter.class);
    private static final Pattern FORM_VARIABLES = Pattern.compile(".*/(engine-rest|api/engine/engine/[^/]+)/task/([^/]+)/form-variables$");

    private final ApprovalBrief brief;
    private final CommandExecutor commands;
    private final ObjectMapper json;

    ApprovalBriefFilter(ApprovalBrief brief, ProcessEngine engine, ObjectMapper json) {
        this.brief = brief;
        this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || !FORM_VARIABLES.matcher(request.getRequestURI()).matches()) {
            return true;
        }
        String names = request.getParameter("variableNames");
        return names != null && !java.util.Arrays.asList(names.split(",")).contains(ApprovalBrief.FIELD);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapped);
        byte[] body = wrapped.getContentAsByteArray();
        if (wrapped.getStatus() == 200) {
            byte[] augmented = augment(request.getRequestURI(), body);
            if (augmented != null) {
                wrapped.resetBuffer();
                response.setContentLength(augmented.length);
                response.getOutputStream().write(augmented);
                return;
            }
        }
        wrapped.copyBodyToResponse();
    }

    private byte[] augment(String uri, byte[] body) {
        Matcher m = FORM_VARIABLES.matcher(uri);
        if (!m.matches()) {
            return null;
        }
        String taskId = m.group(2);
        Object[] task = commands.execute(context -> {
            TaskEntity t = context.getTaskManager().findTaskById(taskId);
            return t == null || !ApprovalBrief.FORMS.contains(t.getTaskDefinitionKey()) ? null
                    : new Object[]{t.getVariable("caseId"), t.getVariable("exceptionId"), t.getTaskDefinitionKey()};
        });
        if (task == null || !(task[0] instanceof Number caseId)) {
            return null;
        }
        try {
            Long exceptionId = task[1] == null ? null : Long.valueOf(task[1].toString());
            JsonNode root = json.readTree(body);
            if (!(root instanceof ObjectNode variables)) {
                return null;
            }
            ObjectNode value = variables.putObject(ApprovalBrief.FIELD);
            value.put("type", "String");
            value.put("value", brief.text(caseId.longValue(), exceptionId, ApprovalBrief.SALARY_FORMS.contains((String) task[2])));
            value.putObject("valueInfo");
            return json.writeValueAsBytes(variables);
        } catch (IOException | RuntimeException e) {
            log.warn("Approval brief of task {} not added: {}", taskId, e.getClass().getSimpleName());
            return null;
        }
    }
}
