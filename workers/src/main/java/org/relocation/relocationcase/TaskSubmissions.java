package org.relocation.relocationcase;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every form a person submitted for a case, kept as submitted whatever the engine's history level: nothing typed is
 * lost, and a task a process owner added (no feature knows its form) is kept all the same.
 */
@Service
public class TaskSubmissions {

    /** Characters of a submission's fields as JSON: the TEXT column holds 64 KB. */
    static final int FIELDS_MAX = 60_000;
    private static final TypeReference<TreeMap<String, Object>> MAP = new TypeReference<>() {
    };
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final TaskSubmissionRepository submissions;

    TaskSubmissions(TaskSubmissionRepository submissions) {
        this.submissions = submissions;
    }

    /** Where a submission was made: the task and the process version whose deployment holds its form. */
    public record Task(String taskId, String taskKey, String taskName, String formId, String processDefinitionId, String deploymentId) {
    }

    /** A kept submission, its fields and task context read back. */
    public record Submitted(Long id, String taskKey, String taskName, String formId, String processDefinitionId,
                            Map<String, Object> fields, Map<String, Object> taskContext, String submittedBy, Instant submittedAt) {
    }

    @Transactional
    public TaskSubmission record(Long caseId, Task task, Map<String, Object> fields, Map<String, Object> taskContext, String actor) {
        String json = json(fields);
        if (json.length() > FIELDS_MAX) {
            throw new IllegalArgumentException("A submission of form " + task.formId() + " is longer than " + FIELDS_MAX + " characters");
        }
        return submissions.save(new TaskSubmission(caseId, task.taskId(), task.taskKey(), task.taskName(), task.formId(),
                task.processDefinitionId(), task.deploymentId(), json, json(taskContext), actor == null ? "unknown" : actor,
                Instant.now().truncatedTo(ChronoUnit.MICROS)));
    }

    @Transactional(readOnly = true)
    public List<Submitted> ofCase(Long caseId) {
        return submissions.findByCaseIdOrderByIdAsc(caseId).stream().map(TaskSubmissions::read).toList();
    }

    /**
     * The latest submission of a form for the case whose task context holds the given values (e.g. the branch's loop
     * counter): what a later step reads instead of a process variable.
     */
    @Transactional(readOnly = true)
    public Optional<Submitted> latest(Long caseId, String formId, Map<String, Object> taskContext) {
        return submissions.findByCaseIdAndFormIdOrderByIdDesc(caseId, formId).stream().map(TaskSubmissions::read)
                .filter(s -> taskContext.entrySet().stream().allMatch(e -> same(s.taskContext().get(e.getKey()), e.getValue())))
                .findFirst();
    }

    private static boolean same(Object a, Object b) {
        return a instanceof Number x && b instanceof Number y ? x.longValue() == y.longValue() : Objects.equals(a, b);
    }

    private static Submitted read(TaskSubmission s) {
        return new Submitted(s.getId(), s.getTaskKey(), s.getTaskName(), s.getFormId(), s.getProcessDefinitionId(),
                map(s.getFields()), map(s.getTaskContext()), s.getSubmittedBy(), s.getSubmittedAt());
    }

    private static Map<String, Object> map(String json) {
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored submission is not a JSON object", e);
        }
    }

    private static String json(Map<String, Object> values) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(values == null ? Map.of() : values));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A submission's values cannot be stored: " + e.getOriginalMessage(), e);
        }
    }
}
