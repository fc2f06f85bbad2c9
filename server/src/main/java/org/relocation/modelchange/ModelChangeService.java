package org.relocation.modelchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Schema;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.ParseException;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.Problem;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.persistence.entity.OperatonFormDefinitionEntity;
import org.operaton.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.operaton.bpm.engine.repository.DecisionDefinition;
import org.operaton.bpm.engine.repository.DeploymentBuilder;
import org.operaton.bpm.engine.repository.DeploymentWithDefinitions;
import org.operaton.bpm.engine.repository.ProcessDefinition;
import org.operaton.bpm.engine.ResourceReport;
import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.dmn.Dmn;
import org.operaton.bpm.model.dmn.DmnModelInstance;
import org.operaton.bpm.model.dmn.instance.Decision;
import org.operaton.bpm.model.dmn.instance.Rule;
import org.operaton.bpm.model.xml.ModelInstance;
import org.operaton.bpm.model.xml.instance.ModelElementInstance;
import org.relocation.platform.deployment.DeploymentComment;
import org.relocation.platform.deployment.ValidatingDeployer;
import org.relocation.platform.deployment.ValidationReport;
import org.relocation.platform.form.TaskFormHandler;
import org.relocation.processes.model.ModelDiff;
import org.relocation.processes.model.Severity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A process owner's change of models through the product: validate it (a dry run of the rules every deployment gets,
 * against what is deployed now), compare each file with the latest deployed version of its key, and deploy it with a
 * comment saying why. The deployment goes through the engine as the person (the engine's authorizations, its
 * validating pre-deployer and whatever it records), named by the comment, source {@value #SOURCE}.
 */
@Service
public class ModelChangeService {

    /** The deployment source of the product's own page. */
    public static final String SOURCE = "process-owner-page";
    static final String COMMENT = "comment";
    static final int COMMENT_MAX = 255;
    /** The rule of a problem the engine's own parser found (its message carries no rule id). */
    static final String ENGINE_PARSE = "engine-parse";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RULE = Pattern.compile("^(.*?)\\s*\\[([a-z0-9-]+)]\\s*$", Pattern.DOTALL);

    private final RepositoryService repository;
    private final IdentityService identity;
    private final ProcessEngineConfigurationImpl configuration;
    private final ValidatingDeployer deployer;
    private final ObjectProvider<TaskFormHandler> handlers;

    ModelChangeService(ProcessEngine engine, ValidatingDeployer deployer, ObjectProvider<TaskFormHandler> handlers) {
        this.repository = engine.getRepositoryService();
        this.identity = engine.getIdentityService();
        this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        this.deployer = deployer;
        this.handlers = handlers;
    }

    /** A deployed change: the engine's deployment, what it deployed, and the report it was deployed with. */
    @Schema(name = "ModelChangeDeployment", description = "A deployed change: the engine's deployment (named by the comment), the "
            + "definitions it deployed, and the validation and differences it was deployed with")
    public record Deployed(@Schema(description = "The engine's deployment id") String deploymentId,
                           @Schema(example = "Allowances 2027: housing cap band C 3500", description = "The comment: the deployment's name")
                           String name, Instant deployedAt, List<DeployedDefinition> deployed, ChangeReport report) {
    }

    /** A definition a deployment made: its file, kind, key, the new version and its id. */
    @Schema(name = "ModelChangeDefinition", description = "A process, decision or form version the deployment made")
    public record DeployedDefinition(@Schema(example = "relocation-allowances.dmn") String file,
                                     @Schema(allowableValues = {ChangeReport.PROCESS, ChangeReport.DECISION, ChangeReport.FORM}, example = ChangeReport.DECISION)
                                     String kind,
                                     @Schema(example = "relocation-allowances") String key, int version, String definitionId) {
    }

    /**
     * The dry run: what deploying these files now would be told (the same rules as a real deployment, against what is
     * deployed), the deployed version each file replaces, and its differences from that version.
     */
    public ChangeReport validate(Map<String, byte[]> files) {
        ValidationReport report = configuration.getCommandExecutorTxRequired().execute(ctx -> deployer.dryRun(files));
        List<ChangeReport.Problem> problems = report.problems().stream().map(ChangeReport.Problem::of).toList();
        List<ChangeReport.Resource> resources = new ArrayList<>();
        List<ChangeReport.Diff> diffs = new ArrayList<>();
        files.forEach((file, content) -> compare(file, content, resources, diffs));
        return new ChangeReport(!report.hasErrors(), report.errors().size(), report.warnings().size(), problems, resources,
                report.carriedForms().keySet().stream().sorted().toList(), diffs);
    }

    /**
     * Deploys the change as the authenticated person, named by the comment (why: at least 10 characters and two words). A change the dry run finds errors in, or the engine refuses, is not deployed
     * ({@link ModelChangeRefusedException}); a comment that says nothing is refused before the engine is asked.
     */
    public Deployed deploy(Map<String, byte[]> files, String comment) {
        String name = checkComment(comment, files.keySet());
        if (identity.getCurrentAuthentication() == null || identity.getCurrentAuthentication().getUserId() == null) {
            throw new IllegalStateException("A change is deployed as the person who makes it: no engine authentication");
        }
        ChangeReport report = validate(files);
        if (!report.valid()) {
            throw new ModelChangeRefusedException(report.problems());
        }
        DeploymentBuilder builder = repository.createDeployment().name(name).source(SOURCE).enableDuplicateFiltering(false);
        files.forEach((file, content) -> builder.addInputStream(file, new ByteArrayInputStream(content)));
        DeploymentWithDefinitions deployment;
        try {
            deployment = builder.deployWithResult();
        } catch (ParseException e) {
            throw new ModelChangeRefusedException(problems(e));
        }
        List<DeployedDefinition> deployed = new ArrayList<>();
        for (ProcessDefinition d : list(deployment.getDeployedProcessDefinitions())) {
            deployed.add(new DeployedDefinition(d.getResourceName(), ChangeReport.PROCESS, d.getKey(), d.getVersion(), d.getId()));
        }
        for (DecisionDefinition d : list(deployment.getDeployedDecisionDefinitions())) {
            deployed.add(new DeployedDefinition(d.getResourceName(), ChangeReport.DECISION, d.getKey(), d.getVersion(), d.getId()));
        }
        List<OperatonFormDefinitionEntity> forms = configuration.getCommandExecutorTxRequired()
                .execute(ctx -> ctx.getOperatonFormDefinitionManager().findDefinitionsByDeploymentId(deployment.getId()));
        for (OperatonFormDefinitionEntity f : forms) {
            deployed.add(new DeployedDefinition(f.getResourceName(), ChangeReport.FORM, f.getKey(), f.getVersion(), f.getId()));
        }
        return new Deployed(deployment.getId(), deployment.getName(), deployment.getDeploymentTime().toInstant(), deployed, report);
    }

    /**
     * The comment as the deployment's name (trimmed), or {@link InvalidModelChangeException} naming {@code comment}: the
     * engine's rule for a person's deployment name ({@link DeploymentComment}), checked before the engine is asked, and
     * the length of the engine's deployment name.
     */
    public static String checkComment(String comment, Set<String> files) {
        String c = comment == null ? "" : comment.strip();
        if (c.isEmpty()) {
            throw new InvalidModelChangeException(COMMENT, "is required: say why you change the models (at least two words), "
                    + "e.g. 'Allowances 2027: housing cap band C 3500'");
        }
        DeploymentComment.check(c, files).ifPresent(p -> {
            throw new InvalidModelChangeException(COMMENT, "must say why in at least " + DeploymentComment.MIN_LENGTH
                    + " characters and two words, not a file name: " + p.message());
        });
        if (c.length() > COMMENT_MAX) {
            throw new InvalidModelChangeException(COMMENT, "must be at most " + COMMENT_MAX + " characters");
        }
        return c;
    }

    /** The file's kind, key and deployed version, and its differences from that version. */
    private void compare(String file, byte[] content, List<ChangeReport.Resource> resources, List<ChangeReport.Diff> diffs) {
        String kind = ModelFiles.kind(file);
        String base = file.replaceFirst("\\.[A-Za-z]+$", "");
        Compared compared = switch (kind) {
            case ChangeReport.PROCESS -> compareProcess(content, base);
            case ChangeReport.DECISION -> compareDecision(content, base);
            default -> compareForm(content, base);
        };
        resources.add(new ChangeReport.Resource(file, kind, compared.key(), compared.deployedVersion()));
        diffs.add(ChangeReport.Diff.of(file, kind, compared.key(), compared.deployedVersion(), compared.differences(), compared.names()));
    }

    /**
     * A file's key, the latest deployed version of that key (null: none), the differences from it, and the names of the
     * elements of both versions (by id).
     */
    private record Compared(String key, Integer deployedVersion, List<ChangeReport.Difference> differences, Function<String, String> names) {

        Compared(String key, Integer deployedVersion) {
            this(key, deployedVersion, List.of(), id -> null);
        }
    }

    private Compared compareProcess(byte[] content, String base) {
        Optional<BpmnModelInstance> candidate = read(() -> Bpmn.readModelFromStream(new ByteArrayInputStream(content)));
        String key = candidate.flatMap(m -> m.getModelElementsByType(org.operaton.bpm.model.bpmn.instance.Process.class).stream()
                .filter(org.operaton.bpm.model.bpmn.instance.Process::isExecutable).findFirst()
                .map(org.operaton.bpm.model.bpmn.instance.Process::getId)).orElse(base);
        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(key).withoutTenantId().latestVersion().singleResult();
        Optional<BpmnModelInstance> deployed = latest == null || candidate.isEmpty() ? Optional.empty()
                : read(() -> Bpmn.readModelFromStream(repository.getProcessModel(latest.getId())));
        if (deployed.isEmpty()) {
            return new Compared(key, latest == null ? null : latest.getVersion());
        }
        return new Compared(key, latest.getVersion(), differences(ModelDiff.bpmn(deployed.get(), candidate.get())),
                names(candidate.get(), deployed.get()));
    }

    private Compared compareDecision(byte[] content, String base) {
        Optional<DmnModelInstance> candidate = read(() -> Dmn.readModelFromStream(new ByteArrayInputStream(content)));
        String key = candidate.flatMap(m -> m.getModelElementsByType(Decision.class).stream().findFirst().map(Decision::getId)).orElse(base);
        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).withoutTenantId().latestVersion().singleResult();
        Optional<DmnModelInstance> deployed = latest == null || candidate.isEmpty() ? Optional.empty()
                : read(() -> Dmn.readModelFromStream(repository.getDecisionModel(latest.getId())));
        if (deployed.isEmpty()) {
            return new Compared(key, latest == null ? null : latest.getVersion());
        }
        return new Compared(key, latest.getVersion(), differences(ModelDiff.dmn(deployed.get(), candidate.get())),
                names(candidate.get(), deployed.get()));
    }

    private Compared compareForm(byte[] content, String base) {
        String key = formId(content).orElse(base);
        DeployedFormFile latest = latestForm(key);
        return latest == null ? new Compared(key, null)
                : new Compared(key, latest.version(), FormDiff.diff(latest.content(), content, fieldsReadByServer(key)), id -> null);
    }

    private static List<ChangeReport.Difference> differences(List<ModelDiff.Change> changes) {
        return changes.stream().map(ChangeReport.Difference::of).toList();
    }

    /** An element's name (or label, or a DMN rule's description) by id, in the candidate, else in the deployed version. */
    private static Function<String, String> names(ModelInstance candidate, ModelInstance deployed) {
        return id -> Optional.ofNullable(nameOf(candidate, id)).orElseGet(() -> nameOf(deployed, id));
    }

    private static String nameOf(ModelInstance model, String id) {
        ModelElementInstance element = id == null ? null : model.getModelElementById(id);
        if (element == null) {
            return null;
        }
        String name = Optional.ofNullable(element.getAttributeValue("name")).orElse(element.getAttributeValue("label"));
        if (name == null && element instanceof Rule rule && rule.getDescription() != null) {
            name = rule.getDescription().getTextContent();
        }
        return name == null || name.isBlank() ? null : name.trim();
    }

    private record DeployedFormFile(int version, byte[] content) {
    }

    private DeployedFormFile latestForm(String key) {
        return configuration.getCommandExecutorTxRequired().execute(ctx -> {
            OperatonFormDefinitionEntity d = ctx.getOperatonFormDefinitionManager().findLatestDefinitionByKey(key);
            ResourceEntity resource = d == null ? null
                    : ctx.getResourceManager().findResourceByDeploymentIdAndResourceName(d.getDeploymentId(), d.getResourceName());
            return resource == null || resource.getBytes() == null ? null : new DeployedFormFile(d.getVersion(), resource.getBytes());
        });
    }

    /** The fields the server's handler of this form reads or shows. */
    private Set<String> fieldsReadByServer(String formId) {
        Set<String> fields = new HashSet<>();
        handlers.orderedStream().filter(h -> formId.equals(h.formId())).forEach(h -> {
            fields.addAll(h.fields());
            fields.addAll(h.displayFields());
        });
        return fields;
    }

    private static Optional<String> formId(byte[] content) {
        try {
            JsonNode form = JSON.readTree(content);
            return form == null || form.path("id").asText("").isBlank() ? Optional.empty() : Optional.of(form.path("id").asText());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Reads a model; empty if it cannot be read (the validation names the file then). */
    private static <T> Optional<T> read(java.util.function.Supplier<T> reader) {
        try {
            return Optional.ofNullable(reader.get());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The problems of an engine refusal, as the validation reports them (the rule id ends each validator sentence). */
    static List<ChangeReport.Problem> problems(ParseException e) {
        List<ChangeReport.Problem> problems = new ArrayList<>();
        for (ResourceReport report : e.getResourceReports()) {
            report.getErrors().forEach(p -> problems.add(problem(report.getResourceName(), p, Severity.ERROR)));
            report.getWarnings().forEach(p -> problems.add(problem(report.getResourceName(), p, Severity.WARNING)));
        }
        if (problems.isEmpty()) {
            problems.add(new ChangeReport.Problem("(deployment)", null, 0, 0, Severity.ERROR, ENGINE_PARSE, String.valueOf(e.getMessage())));
        }
        return problems;
    }

    private static ChangeReport.Problem problem(String file, Problem p, Severity severity) {
        String message = p.getMessage() == null ? "" : p.getMessage();
        Matcher m = RULE.matcher(message);
        String elementId = p.getMainElementId() == null || p.getMainElementId().isEmpty() ? null : p.getMainElementId();
        return m.matches() ? new ChangeReport.Problem(file, elementId, p.getLine(), p.getColumn(), severity, m.group(2), m.group(1))
                : new ChangeReport.Problem(file, elementId, p.getLine(), p.getColumn(), severity, ENGINE_PARSE, message);
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }
}
