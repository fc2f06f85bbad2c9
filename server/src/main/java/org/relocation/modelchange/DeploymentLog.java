package org.relocation.modelchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.relocation.platform.deployment.DeploymentRecordedHook;
import org.relocation.platform.deployment.RecordedDeployment;
import org.relocation.processes.model.ModelProblem;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who deployed what, when and why: one entry per new engine deployment, whichever route it took, written by the
 * platform's post-deployer in the deployment's transaction (a refused deployment leaves none). The comment is the
 * deployment name, which a person's deployment must give (rule {@code comment}).
 */
@Service
public class DeploymentLog implements DeploymentRecordedHook {

    /** Warnings kept per deployment: the TEXT column holds 64 KB. */
    static final int WARNINGS_KEPT = 50;
    static final int MESSAGE_MAX = 600;
    /** The deployment name's length in the engine. */
    static final int COMMENT_MAX = 255;
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Resource>> RESOURCES = new TypeReference<>() {
    };
    private static final TypeReference<List<Warning>> WARNINGS = new TypeReference<>() {
    };

    private final DeploymentLogRepository entries;

    DeploymentLog(DeploymentLogRepository entries) {
        this.entries = entries;
    }

    /** A deployed resource: its file, what the engine made of it (process|decision|form|other), and its bytes' SHA-256. */
    public record Resource(String name, String kind, String key, Integer version, String definitionId, String sha256) {
    }

    /** A warning of the validator the deployment passed with. */
    public record Warning(String file, String elementId, String rule, String message) {
    }

    /** An entry read back. */
    public record Deployment(long id, String deploymentId, String name, RecordedDeployment.Route route, String source, String deployedBy,
                             Instant deployedAt, String comment, List<Resource> resources, List<Warning> warnings) {
    }

    @Override
    @Transactional
    public void deploymentRecorded(RecordedDeployment d) {
        if (entries.existsByDeploymentId(d.deploymentId())) {
            return; // handed over again (a start-up deployment held while the engine was built)
        }
        List<Resource> resources = d.resources().stream().map(r -> new Resource(r.name(), r.kind().name().toLowerCase(Locale.ROOT),
                r.key(), r.version(), r.definitionId(), r.sha256())).toList();
        List<Warning> warnings = new ArrayList<>();
        for (ModelProblem p : d.warnings().stream().limit(WARNINGS_KEPT).toList()) {
            warnings.add(new Warning(p.file(), p.elementId(), p.rule(), shortened(p.message(), MESSAGE_MAX)));
        }
        if (d.warnings().size() > WARNINGS_KEPT) {
            warnings.add(new Warning("(deployment)", null, "log", (d.warnings().size() - WARNINGS_KEPT) + " more warnings not kept"));
        }
        entries.save(new DeploymentLogEntry(d.deploymentId(), d.name(), d.route(), d.source(), d.deployedBy(), d.deployedAt(),
                shortened(d.comment(), COMMENT_MAX), json(resources), json(warnings)));
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    public Page<Deployment> page(int page, int size) {
        return entries.findAllByOrderByIdDesc(PageRequest.of(page, size)).map(DeploymentLog::read);
    }

    /** By the entry's id, or else by the engine's deployment id. */
    @Transactional(readOnly = true)
    public Deployment get(String id) {
        Optional<DeploymentLogEntry> entry = id.matches("\\d{1,18}") ? entries.findById(Long.parseLong(id)) : Optional.empty();
        return entry.or(() -> entries.findByDeploymentId(id)).map(DeploymentLog::read)
                .orElseThrow(DeploymentLogEntryNotFoundException::new);
    }

    private static Deployment read(DeploymentLogEntry e) {
        try {
            return new Deployment(e.getId(), e.getDeploymentId(), e.getDeploymentName(), e.getRoute(), e.getSource(), e.getDeployedBy(),
                    e.getDeployedAt(), e.getComment(), JSON.readValue(e.getResources(), RESOURCES), JSON.readValue(e.getWarnings(), WARNINGS));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Deployment log entry " + e.getId() + " does not hold JSON lists", ex);
        }
    }

    private static String shortened(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String json(List<?> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The deployment log's lists are plain records", e);
        }
    }
}
