package org.relocation.processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process models as the module packages them: BPMN/DMN under {@code processes/} and form-js forms under
 * {@code forms/} on the classpath. Deploys them the way the server does: all in one deployment, so that
 * {@code formRefBinding="deployment"} finds the forms.
 */
final class ProcessModels {

  static final List<String> PROCESS_IDS = List.of(
      "relocation", "relocation-intake", "relocation-approval", "relocation-immigration", "relocation-housing",
      "relocation-payroll", "relocation-benefits", "relocation-arrival", "relocation-closure");
  static final String DECISION_ID = "relocation-eligibility";

  private static final Logger LOG = LoggerFactory.getLogger(ProcessModels.class);
  private static volatile Boolean formsDeployable;

  private ProcessModels() {
  }

  /** File names (not paths) of the resources in a classpath folder with one of the given endings, sorted. */
  static List<String> classpathFiles(String folder, String... endings) {
    URL url = ProcessModels.class.getClassLoader().getResource(folder);
    if (url == null) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      return files.map(p -> p.getFileName().toString())
          .filter(name -> Stream.of(endings).anyMatch(name::endsWith))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the last deployment included the forms. */
  static boolean formsDeployed() {
    return Boolean.TRUE.equals(formsDeployable);
  }

  static List<String> modelResources() {
    return classpathFiles("processes", ".bpmn", ".dmn").stream().map(name -> "processes/" + name).toList();
  }

  static List<String> formResources() {
    return classpathFiles("forms", ".form").stream().map(name -> "forms/" + name).toList();
  }

  /**
   * Deploys all BPMN and DMN files, with the forms if there are any. The forms are written in parallel by
   * another part of the project: if a deployment with them fails, the models are deployed without them (a
   * {@code formRef} is only resolved when a form is fetched, which these tests do not do).
   */
  static String deploy(RepositoryService repositoryService) {
    List<String> forms = formResources();
    if (!forms.isEmpty() && !Boolean.FALSE.equals(formsDeployable)) {
      try {
        String id = deploy(repositoryService, forms);
        formsDeployable = true;
        return id;
      } catch (ProcessEngineException e) {
        formsDeployable = false;
        LOG.warn("Deploying the models with the forms failed, deploying without forms: {}", e.getMessage());
      }
    }
    return deploy(repositoryService, List.of());
  }

  private static String deploy(RepositoryService repositoryService, List<String> forms) {
    DeploymentBuilder deployment = repositoryService.createDeployment().name("relocation-process-test");
    modelResources().forEach(deployment::addClasspathResource);
    forms.forEach(deployment::addClasspathResource);
    return deployment.deploy().getId();
  }
}
