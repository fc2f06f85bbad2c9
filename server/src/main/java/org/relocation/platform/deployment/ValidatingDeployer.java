package org.relocation.platform.deployment;

import org.operaton.bpm.engine.impl.context.Context;
import org.operaton.bpm.engine.impl.interceptor.CommandContext;
import org.operaton.bpm.engine.impl.persistence.deploy.Deployer;
import org.operaton.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.operaton.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.repository.ResourceTypes;
import org.relocation.platform.form.TaskFormHandler;
import org.relocation.platform.worker.CaseWorker;
import org.relocation.processes.model.ModelProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * The contract rules need the server's job workers and form handlers. The auto-deployment at start-up runs while the
 * engine is built, before those beans exist (some need the engine), so it gets the no-code and modelling rules only:
 * the shipped models are checked against the contract by the model-contract test. Every deployment after the server
 * has started gets the full contract. Deployments already in the database are not checked again (running cases keep
 * working).
 */
@Component
@EnableConfigurationProperties(DeploymentRulesProperties.class)
public class ValidatingDeployer implements Deployer, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ValidatingDeployer.class);

    private final DeploymentValidator validator;
    private final ObjectProvider<CaseWorker> workers;
    private final ObjectProvider<TaskFormHandler> handlers;
    private volatile boolean started;

    ValidatingDeployer(DeploymentRulesProperties properties, ObjectProvider<CaseWorker> workers, ObjectProvider<TaskFormHandler> handlers) {
        this.validator = new DeploymentValidator(new DeploymentPolicy(properties.rules()), properties.getContract().getExemptKeys());
        this.workers = workers;
        this.handlers = handlers;
    }

    /** Every bean exists now: deployments from here on get the contract rules. */
    @Override
    public void afterSingletonsInstantiated() {
        started = true;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        deployment.getResources().values().forEach(r -> files.put(r.getName() == null ? "" : r.getName(), r.getBytes() == null ? new byte[0] : r.getBytes()));
        CommandContext context = Context.getCommandContext();
        ValidationReport report = validator.validate(files, started ? facts() : null,
                context == null ? DeployedModels.NONE : new EngineDeployedModels(context));
        if (report.hasErrors()) {
            throw new DeploymentRefusedException(report);
        }
        for (ModelProblem warning : report.warnings()) {
            log.info("Deployment warning {}: {} [{}] {}", warning.file(), warning.elementId(), warning.rule(), warning.message());
        }
        report.carriedForms().values().forEach(form -> carryOver(context, deployment, form));
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
        return new ContractFacts(topics, fields);
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
    }
}
