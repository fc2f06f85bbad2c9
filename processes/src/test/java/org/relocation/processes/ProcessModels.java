package org.relocation.processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.repository.DeploymentBuilder;

/**
 * The process models as the module packages them: BPMN/DMN under {@code processes/} and form-js forms under
 * {@code forms/} on the classpath. Deploys them the way the server does: all in one deployment, so that
 * {@code formRefBinding="deployment"} finds the forms.
 */
final class ProcessModels {

  static final List<String> PROCESS_IDS = List.of(
      "relocation", "relocation-intake", "relocation-approval", "relocation-immigration", "relocation-housing",
      "relocation-payroll", "relocation-benefits", "relocation-arrival", "relocation-closure",
      "relocation-key-date", "relocation-permit-renewal", "relocation-tax-settlement", "relocation-expense-claim",
      "relocation-tax-services", "relocation-compensation-change", "relocation-destination-services",
      "relocation-vendor-sla-watch", "relocation-vendor-escalation", "relocation-service-quotes");
  static final String DECISION_ID = "relocation-eligibility";
  /** The policy decisions, one DMN file each ({@code <id>.dmn}): see docs/policies.md. */
  static final List<String> DECISION_IDS = List.of(
      DECISION_ID, "relocation-package", "relocation-city-band", "relocation-allowances", "relocation-approval-routing",
      "relocation-compensation", "relocation-expense-routing", "relocation-benefits-policy",
      "relocation-services-policy");


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

  static List<String> modelResources() {
    return classpathFiles("processes", ".bpmn", ".dmn").stream().map(name -> "processes/" + name).toList();
  }

  static List<String> formResources() {
    return classpathFiles("forms", ".form").stream().map(name -> "forms/" + name).toList();
  }

  /** Deploys all BPMN and DMN files and all forms in one deployment, as the server does. */
  static String deploy(RepositoryService repositoryService) {
    List<String> forms = formResources();
    if (forms.isEmpty()) {
      throw new IllegalStateException("forms/ holds no .form files: the models reference them with formRefBinding=deployment");
    }
    return deploy(repositoryService, forms);
  }

  private static String deploy(RepositoryService repositoryService, List<String> forms) {
    DeploymentBuilder deployment = repositoryService.createDeployment().name("relocation-process-test");
    modelResources().forEach(deployment::addClasspathResource);
    forms.forEach(deployment::addClasspathResource);
    return deployment.deploy().getId();
  }
}
