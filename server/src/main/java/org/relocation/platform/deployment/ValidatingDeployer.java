package org.relocation.platform.deployment;

import org.operaton.bpm.engine.impl.Page;
import org.operaton.bpm.engine.impl.ProcessDefinitionQueryImpl;
import org.operaton.bpm.engine.impl.context.Context;
import org.operaton.bpm.engine.impl.interceptor.CommandContext;
import org.operaton.bpm.engine.impl.persistence.deploy.Deployer;
import org.operaton.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.operaton.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.repository.ProcessDefinition;
import org.operaton.bpm.engine.repository.ResourceTypes;
import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.relocation.platform.form.TaskFormHandler;
import org.relocation.platform.worker.CaseWorker;
import org.relocation.platform.worker.MessageVariables;
import org.relocation.processes.model.ModelProblem;
import org.relocation.processes.model.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The engine's pre-deployer (registered by the journey's engine plugin): every new deployment, whichever route it takes
 * (the engine REST API Camunda Modeler calls, the webapps, the Java API, the auto-deployment at start-up), is validated
 * by the {@link DeploymentValidator} after duplicate filtering and before the engine parses anything of it. Errors
 * refuse it ({@link DeploymentRefusedException}, REST 400); warnings are logged. A form a task needs that the deployment
 * lacks is copied from the latest deployed form of that key into the deployment (forms are bound to the deployment).
 * <p>
 * The contract rules need the server's job workers, form handlers and the features' {@link ModelRule}s, so nothing is
 * deployed while the engine is built: the start-up deployment of the build's models runs once the context has started
 * ({@link StartupDeployment}) and gets every rule, as every other deployment does. Deployments already in the database
 * are not checked again (running cases keep working).
 */
@Component
@EnableConfigurationProperties(DeploymentRulesProperties.class)
public class ValidatingDeployer implements Deployer {

    private static final Logger log = LoggerFactory.getLogger(ValidatingDeployer.class);
    /** The "file" of problems of the deployment as a whole (its name, its tenant). */
    static final String DEPLOYMENT = "(deployment)";
    static final String SINGLE_TENANT = "single-tenant";

    private final DeploymentValidator validator;
    private final ObjectProvider<CaseWorker> workers;
    private final ObjectProvider<TaskFormHandler> handlers;
    private final ObjectProvider<MessageVariables> messages;
    private final ObjectProvider<ModelRule> rules;

    ValidatingDeployer(DeploymentRulesProperties properties, ObjectProvider<CaseWorker> workers, ObjectProvider<TaskFormHandler> handlers,
                       ObjectProvider<MessageVariables> messages, ObjectProvider<ModelRule> rules) {
        this.validator = new DeploymentValidator(new DeploymentPolicy(properties.rules()), properties.getContract().getExemptKeys());
        this.workers = workers;
        this.handlers = handlers;
        this.messages = messages;
        this.rules = rules;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        deployment.getResources().values().forEach(r -> files.put(r.getName() == null ? "" : r.getName(), r.getBytes() == null ? new byte[0] : r.getBytes()));
        CommandContext context = Context.getCommandContext();
        ValidationReport report = dryRun(files);
        if (deployment.getTenantId() != null) {
            report = report.with(new ModelProblem(DEPLOYMENT, "tenant-id", 0, 0, Severity.ERROR, SINGLE_TENANT,
                    "This server has no tenants: deploy without a tenant id (in Camunda Modeler, leave Tenant ID empty)"));
        }
        if (context != null && context.getAuthenticatedUserId() != null) { // a person says why; the system need not
            Optional<ModelProblem> comment = DeploymentComment.check(deployment.getName(), files.keySet());
            if (comment.isPresent()) {
                report = report.with(comment.get());
            }
        }
        if (report.hasErrors()) {
            throw new DeploymentRefusedException(report);
        }
        for (ModelProblem warning : report.warnings()) {
            log.info("Deployment warning {}: {} [{}] {}", warning.file(), warning.elementId(), warning.rule(), warning.message());
        }
        DeploymentLogContext.put(context, deployment.getId(), report.warnings()); // for the deployment log
        report.carriedForms().values().forEach(form -> carryOver(context, deployment, form));
    }

    /**
     * A dry run: what a deployment of these files (name → content) would be told by the rules of {@link #deploy}, against
     * what is deployed now, without deploying or writing anything. Call it inside an engine command (e.g.
     * {@code commandExecutorTxRequired.execute(ctx -> deployer.dryRun(files))}), so it reads the deployed models as a
     * real deployment does. The deployment-level rules (its name, its tenant) are not part of it, and neither are the
     * problems only the engine's own parser finds: a real deployment reports those in the same shape.
     */
    public ValidationReport dryRun(Map<String, byte[]> files) {
        CommandContext context = Context.getCommandContext();
        return validator.validate(files, facts(), rules.orderedStream().toList(),
                context == null ? DeployedModels.NONE : new EngineDeployedModels(context));
    }

    /**
     * What a deployment of these files would be told on a server with nothing deployed: the check of the shipped set
     * (the model-contract test), with every rule.
     */
    public ValidationReport validateWithContract(Map<String, byte[]> files) {
        return validator.validate(files, facts(), rules.orderedStream().toList(), DeployedModels.NONE);
    }

    private ContractFacts facts() {
        Set<String> topics = workers.orderedStream().map(CaseWorker::topic).collect(Collectors.toSet());
        Map<String, Set<String>> fields = new HashMap<>();
        handlers.orderedStream().forEach(h -> {
            Set<String> all = new HashSet<>(h.fields());
            all.addAll(h.displayFields());
            fields.merge(h.formId(), all, (a, b) -> {
                Set<String> both = new HashSet<>(a);
                both.addAll(b);
                return both;
            });
        });
        Map<String, Set<String>> inputs = new HashMap<>();
        Map<String, Set<String>> outputs = new HashMap<>();
        workers.orderedStream().forEach(w -> {
            inputs.computeIfAbsent(w.topic(), t -> new HashSet<>()).addAll(w.fetchedVariables());
            outputs.computeIfAbsent(w.topic(), t -> new HashSet<>()).addAll(w.outputVariables());
        });
        Set<String> messageVariables = new HashSet<>();
        messages.orderedStream().forEach(m -> messageVariables.addAll(m.variables()));
        return new ContractFacts(topics, fields, inputs, outputs, messageVariables);
    }

    /** Adds a copy of a deployed form to the deployment; the engine's form deployer, which runs next, deploys it. */
    private static void carryOver(CommandContext context, DeploymentEntity deployment, DeployedModels.DeployedForm form) {
        if (context == null || deployment.getResources().containsKey(form.resourceName())) {
            return;
        }
        ResourceEntity copy = new ResourceEntity();
        copy.setName(form.resourceName());
        copy.setBytes(form.content());
        copy.setDeploymentId(deployment.getId());
        copy.setTenantId(deployment.getTenantId());
        copy.setType(ResourceTypes.REPOSITORY.getValue());
        copy.setCreateTime(ClockUtil.getCurrentTime());
        context.getResourceManager().insertResource(copy);
        deployment.addResource(copy);
    }

    /** The latest deployed forms and processes, read in the deployment's command (no tenants on this server). */
    private record EngineDeployedModels(CommandContext context) implements DeployedModels {

        @Override
        public Optional<DeployedForm> latestForm(String key) {
            var definition = context.getOperatonFormDefinitionManager().findLatestDefinitionByKey(key);
            if (definition == null) {
                return Optional.empty();
            }
            ResourceEntity resource = context.getResourceManager()
                    .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
            return resource == null || resource.getBytes() == null ? Optional.empty()
                    : Optional.of(new DeployedForm(definition.getResourceName(), resource.getBytes()));
        }

        @Override
        public boolean processExists(String key) {
            return context.getProcessDefinitionManager().findLatestProcessDefinitionByKey(key) != null;
        }

        @Override
        public Map<String, BpmnModelInstance> latestProcesses() {
            Map<String, BpmnModelInstance> latest = new HashMap<>();
            List<ProcessDefinition> definitions = context.runWithoutAuthorization(() -> context.getProcessDefinitionManager()
                    .findProcessDefinitionsByQueryCriteria((ProcessDefinitionQueryImpl) new ProcessDefinitionQueryImpl().latestVersion(),
                            new Page(0, Integer.MAX_VALUE)));
            for (ProcessDefinition definition : definitions) {
                ResourceEntity resource = context.getResourceManager()
                        .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
                if (resource != null && resource.getBytes() != null) {
                    try {
                        latest.put(definition.getKey(), Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes())));
                    } catch (RuntimeException e) {
                        log.info("Deployed process {} cannot be read for the contract check: {}", definition.getKey(), e.getClass().getSimpleName());
                    }
                }
            }
            return latest;
        }
    }
}
