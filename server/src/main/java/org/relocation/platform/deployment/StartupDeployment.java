package org.relocation.platform.deployment;

import org.operaton.bpm.engine.ParseException;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.repository.Deployment;
import org.operaton.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipInputStream;

/**
 * Deploys the build's models (the starter's {@code operaton.bpm.deployment-resource-pattern}) once the context has
 * started, first of the start-up listeners (before the identity bootstrap, the Tasklist filters and the demo cases): as
 * the starter would have while building the engine (name {@value #NAME}, no source, no tenant, duplicate filtering on,
 * every resource of the set deployed when one changed, the resource names the starter gives), so a restart with
 * unchanged models makes no new deployment and the engine's history of versions goes on as before. Now the job
 * workers, form handlers and features' rules exist, so the deployment gets every rule of the validation; a build with
 * a broken model does not start, and every problem is logged.
 */
@Component
class StartupDeployment {

    static final String NAME = "SpringAutoDeployment";

    private static final Logger log = LoggerFactory.getLogger(StartupDeployment.class);

    private final RepositoryService repository;
    private final DeferredDeploymentConfiguration configuration;

    StartupDeployment(RepositoryService repository, DeferredDeploymentConfiguration configuration) {
        this.repository = repository;
        this.configuration = configuration;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void deploy() {
        if (configuration.autoDeploymentEnabled()) {
            deploy(configuration.getDeploymentResources());
        }
    }

    /** Deploys these resources as the start-up deployment; the deployment that holds them (new, or the last unchanged one). */
    Deployment deploy(Set<Resource> resources) {
        if (resources.isEmpty()) {
            return null;
        }
        DeploymentBuilder builder = repository.createDeployment().enableDuplicateFiltering(false).name(NAME);
        List<Resource> sorted = resources.stream().sorted(Comparator.comparing(StartupDeployment::resourceName)).toList();
        for (Resource resource : sorted) {
            add(builder, resource);
        }
        Deployment last = repository.createDeploymentQuery().deploymentName(NAME).orderByDeploymentTime().desc().listPage(0, 1)
                .stream().findFirst().orElse(null);
        Deployment deployment;
        try {
            deployment = builder.deploy();
        } catch (ParseException e) {
            log.error("The models of this build are refused (the server does not start): fix them in processes/ and forms/");
            e.getResourceReports().forEach(report -> report.getErrors().forEach(problem ->
                    log.error("{}: {}: {}", report.getResourceName(), problem.getMainElementId(), problem.getMessage())));
            throw e;
        }
        if (last != null && last.getId().equals(deployment.getId())) {
            log.info("Start-up deployment: the {} resources of this build are deployed already (deployment {})", sorted.size(), deployment.getId());
        } else {
            log.info("Start-up deployment {} of {} resources (new or changed models of this build)", deployment.getId(), sorted.size());
        }
        return deployment;
    }

    private static void add(DeploymentBuilder builder, Resource resource) {
        String name = resourceName(resource);
        try {
            if (name.endsWith(".bar") || name.endsWith(".zip") || name.endsWith(".jar")) {
                builder.addZipInputStream(new ZipInputStream(resource.getInputStream()));
            } else {
                try (InputStream in = resource.getInputStream()) {
                    builder.addInputStream(name, in);
                }
            }
        } catch (IOException e) {
            throw new ProcessEngineException("couldn't auto deploy resource '" + resource + "': " + e.getMessage(), e);
        }
    }

    /**
     * The resource name the starter gives ({@code SpringTransactionsProcessEngineConfiguration.autoDeployResources}):
     * duplicate filtering compares resources by name, so it must stay the same (a file name from a jar, an absolute
     * path from a folder of classes).
     */
    static String resourceName(Resource resource) {
        if (resource instanceof ContextResource context) {
            return context.getPathWithinContext();
        }
        if (resource instanceof ByteArrayResource) {
            return resource.getDescription();
        }
        try {
            return resource.getFile().getAbsolutePath();
        } catch (IOException e) {
            return resource.getFilename();
        }
    }
}
