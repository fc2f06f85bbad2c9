package org.relocation.platform.deployment;

import org.operaton.bpm.engine.impl.cfg.TransactionState;
import org.operaton.bpm.engine.impl.context.Context;
import org.operaton.bpm.engine.impl.interceptor.CommandContext;
import org.operaton.bpm.engine.impl.persistence.deploy.Deployer;
import org.operaton.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.operaton.bpm.engine.impl.persistence.entity.OperatonFormDefinitionEntity;
import org.operaton.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.repository.ResourceDefinition;
import org.relocation.processes.model.ModelProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The engine's post-deployer (registered by the journey's engine plugin after the engine's own deployers): every new
 * deployment that the engine accepted is handed to the {@link DeploymentRecordedHook}s (the deployment log) inside the
 * deploying command, so a deployment refused or rolled back leaves no record. Reloads of deployed models into the
 * engine's cache are no new deployments and are not recorded.
 * <p>
 * A deployment made while the engine is built (today's auto-deployment at start-up) comes before the hooks' beans
 * exist: it is held until its transaction has committed and every bean exists, then handed over. A start-up deployment
 * made after the server's beans exist is recorded in its own transaction like any other.
 */
@Component
public class DeploymentRecorder implements Deployer, SmartInitializingSingleton {

    /** The source the process-owner page gives its deployments. */
    public static final String PAGE_SOURCE = "process-owner-page";
    /** Who made a deployment no person made. */
    public static final String SYSTEM = "system";
    /** The name the server gives the deployment of its build's models at start-up. */
    static final String START_UP_NAME = "SpringAutoDeployment";

    private static final Logger log = LoggerFactory.getLogger(DeploymentRecorder.class);

    private final ObjectProvider<DeploymentRecordedHook> hooks;
    private final List<RecordedDeployment> held = new ArrayList<>();
    private boolean started;

    DeploymentRecorder(ObjectProvider<DeploymentRecordedHook> hooks) {
        this.hooks = hooks;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return;
        }
        CommandContext context = Context.getCommandContext();
        RecordedDeployment recorded = record(deployment, context == null ? null : context.getAuthenticatedUserId(),
                DeploymentLogContext.take(deployment.getId()));
        if (isStarted()) {
            hooks.orderedStream().forEach(hook -> hook.deploymentRecorded(recorded));
        } else if (context != null) {
            context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> hold(recorded));
        } else {
            hold(recorded);
        }
    }

    /** Every bean exists now: the deployments held are handed over, later ones are recorded as they are made. */
    @Override
    public void afterSingletonsInstantiated() {
        List<RecordedDeployment> waiting;
        synchronized (this) {
            started = true;
            waiting = List.copyOf(held);
            held.clear();
        }
        waiting.forEach(this::handOver);
    }

    private synchronized boolean isStarted() {
        return started;
    }

    private void hold(RecordedDeployment recorded) {
        synchronized (this) {
            if (!started) {
                held.add(recorded);
                return;
            }
        }
        handOver(recorded);
    }

    /** A committed deployment recorded after the fact: a hook that fails does not stop the server. */
    private void handOver(RecordedDeployment recorded) {
        try {
            hooks.orderedStream().forEach(hook -> hook.deploymentRecorded(recorded));
        } catch (RuntimeException e) {
            log.warn("Deployment {} ({}) could not be recorded in the deployment log", recorded.deploymentId(), recorded.route(), e);
        }
    }

    static RecordedDeployment record(DeploymentEntity deployment, String user, List<ModelProblem> warnings) {
        RecordedDeployment.Route route = route(deployment.getName(), deployment.getSource(), user);
        String comment = route == RecordedDeployment.Route.START_UP
                ? "Start-up deployment of the server's build" + build()
                : deployment.getName() == null ? "" : deployment.getName();
        return new RecordedDeployment(deployment.getId(), deployment.getName(), deployment.getSource(), route,
                user == null ? SYSTEM : user, ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.MICROS), comment,
                resources(deployment), warnings);
    }

    static RecordedDeployment.Route route(String name, String source, String user) {
        if (PAGE_SOURCE.equals(source)) {
            return RecordedDeployment.Route.PAGE;
        }
        if (user != null) {
            return RecordedDeployment.Route.ENGINE_REST;
        }
        return START_UP_NAME.equals(name) ? RecordedDeployment.Route.START_UP : RecordedDeployment.Route.API;
    }

    /** Each resource by name, once per definition the engine deployed from it (or once, without one). */
    private static List<RecordedDeployment.Resource> resources(DeploymentEntity deployment) {
        List<Deployed> definitions = new ArrayList<>();
        add(definitions, deployment.getDeployedProcessDefinitions(), RecordedDeployment.Kind.PROCESS);
        add(definitions, deployment.getDeployedDecisionDefinitions(), RecordedDeployment.Kind.DECISION);
        add(definitions, deployment.getDeployedArtifacts(OperatonFormDefinitionEntity.class), RecordedDeployment.Kind.FORM);
        List<RecordedDeployment.Resource> resources = new ArrayList<>();
        if (deployment.getResources() == null) {
            return resources;
        }
        deployment.getResources().values().stream().sorted(Comparator.comparing(r -> String.valueOf(r.getName()))).forEach(resource -> {
            String sha256 = sha256(resource);
            List<Deployed> from = definitions.stream().filter(d -> d.definition().getResourceName() != null
                    && d.definition().getResourceName().equals(resource.getName())).toList();
            if (from.isEmpty()) {
                resources.add(new RecordedDeployment.Resource(resource.getName(), kind(resource.getName()), null, null, null, sha256));
            }
            from.forEach(d -> resources.add(new RecordedDeployment.Resource(resource.getName(), d.kind(), d.definition().getKey(),
                    d.definition().getVersion(), d.definition().getId(), sha256)));
        });
        return resources;
    }

    private record Deployed(ResourceDefinition definition, RecordedDeployment.Kind kind) {
    }

    private static void add(List<Deployed> all, List<? extends ResourceDefinition> definitions, RecordedDeployment.Kind kind) {
        if (definitions != null) {
            definitions.forEach(d -> all.add(new Deployed(d, kind)));
        }
    }

    /** A resource the engine deployed nothing from, by its file name. */
    static RecordedDeployment.Kind kind(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".bpmn") || n.endsWith(".bpmn20.xml")) {
            return RecordedDeployment.Kind.PROCESS;
        }
        if (n.endsWith(".dmn") || n.endsWith(".dmn11.xml")) {
            return RecordedDeployment.Kind.DECISION;
        }
        return n.endsWith(".form") ? RecordedDeployment.Kind.FORM : RecordedDeployment.Kind.OTHER;
    }

    static String sha256(ResourceEntity resource) {
        try {
            byte[] bytes = resource.getBytes() == null ? new byte[0] : resource.getBytes();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The version of the server's build when its manifest names one (Implementation-Version). */
    private static String build() {
        String version = DeploymentRecorder.class.getPackage().getImplementationVersion();
        return version == null ? "" : " " + version;
    }
}
