package org.relocation.modelchange.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.operaton.bpm.engine.RepositoryService;
import org.relocation.modelchange.migration.engine.EngineMigrations;
import org.relocation.platform.engine.FormSchemas;
import org.relocation.platform.engine.SystemContext;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the form of a waiting user task changes when its instance moves: forms are bound to their deployment, so after a
 * migration the open task shows (and is checked against) the form deployed with the target version. One sentence per
 * field added, removed or changed (type, required, allowed values), by field key; no values, so no personal data.
 */
@Component
class FormChanges {

    private final EngineMigrations engine;
    private final RepositoryService repository;
    private final FormSchemas schemas;
    private final SystemContext system;
    private final ObjectMapper json;
    /** deployment id + "/" + form key → its fields; a deployment never changes. */
    private final Map<String, Map<String, FormSchemas.Field>> cache = new ConcurrentHashMap<>();

    FormChanges(EngineMigrations engine, RepositoryService repository, FormSchemas schemas, SystemContext system, ObjectMapper json) {
        this.engine = engine;
        this.repository = repository;
        this.schemas = schemas;
        this.system = system;
        this.json = json;
    }

    List<String> changes(ModelMigrationService.Version source, ModelMigrationService.Version target, List<String> activityIds) {
        List<String> changes = new ArrayList<>();
        for (String activity : activityIds) {
            String sourceKey = engine.formKey(source.definitionId(), activity);
            String targetKey = engine.formKey(target.definitionId(), activity);
            if (sourceKey == null || targetKey == null) {
                continue;
            }
            Map<String, FormSchemas.Field> before = fields(source.deploymentId(), sourceKey);
            Map<String, FormSchemas.Field> after = fields(target.deploymentId(), targetKey);
            String prefix = activity + ": form " + targetKey + (sourceKey.equals(targetKey) ? "" : " (was " + sourceKey + ")") + ": field ";
            after.forEach((key, field) -> {
                FormSchemas.Field old = before.get(key);
                if (old == null) {
                    changes.add(prefix + key + " added" + (field.required() ? " (required)" : ""));
                } else {
                    List<String> what = new ArrayList<>();
                    if (!Objects.equals(old.type(), field.type())) {
                        what.add("type " + old.type() + " → " + field.type());
                    }
                    if (old.required() != field.required()) {
                        what.add(field.required() ? "now required" : "no longer required");
                    }
                    if (!Objects.equals(old.values(), field.values())) {
                        what.add("allowed values " + old.values() + " → " + field.values());
                    }
                    if (!what.isEmpty()) {
                        changes.add(prefix + key + " changed: " + String.join(", ", what));
                    }
                }
            });
            before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(k -> changes.add(prefix + k + " removed"));
        }
        return changes;
    }

    private Map<String, FormSchemas.Field> fields(String deploymentId, String formKey) {
        return cache.computeIfAbsent(deploymentId + "/" + formKey, k -> system.call(() -> {
            for (String name : repository.getDeploymentResourceNames(deploymentId)) {
                if (!name.endsWith(".form")) {
                    continue;
                }
                byte[] content;
                try (InputStream in = repository.getResourceAsStream(deploymentId, name)) {
                    content = in.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                JsonNode form = json.readTree(content);
                if (formKey.equals(form.path("id").asText())) {
                    Map<String, FormSchemas.Field> fields = new LinkedHashMap<>();
                    schemas.parse(new java.io.ByteArrayInputStream(content)).forEach(f -> fields.put(f.key(), f));
                    return fields;
                }
            }
            return Map.of();
        }));
    }
}
