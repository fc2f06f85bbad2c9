package org.relocation;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.relocation.relocationcase.CaseService;

import java.util.Map;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module boundaries, checked on the compiled main classes of workers and server (not the tests):
 * <ol>
 *   <li>the platform ({@code org.relocation.platform..}) names no feature: features plug into it through its hooks
 *       ({@code TaskCreatedHook}, {@code TaskAssignedHook}, {@code TaskFormHandler}, {@code NotFoundException}, ...).
 *       It may use the case kernel, the classes of {@code org.relocation.relocationcase} itself (entity, service,
 *       repository; not its {@code engine} or {@code web} packages), which every feature hangs off, and the models'
 *       functions ({@code org.relocation.processes});</li>
 *   <li>the features (each top-level package below {@code org.relocation}) form no dependency cycle, so each can be
 *       read, changed and tested from the ones below it. {@code casefile} is the case API's aggregate view: it may
 *       read every feature, and no feature reads it.</li>
 * </ol>
 * A rule broken names each offending dependency (class, member and line).
 */
class ModuleBoundariesTest {

    /** Platform classes that may name features, each with its reason. Keep this short. */
    private static final Map<String, String> PLATFORM_EXCEPTIONS = Map.of(
            "org.relocation.platform.configuration.ProductionSettingsCheck",
            "binds identity and vendor settings before any bean exists, to refuse an unsafe production start");

    /** Not features: the platform, the models' functions and the demo data, which wires them all. */
    private static final String[] NOT_FEATURES = {"org.relocation.platform..", "org.relocation.processes..", "org.relocation.demo.."};

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.relocation");

    @Test
    void importsTheMainClassesOfWorkersAndServer() {
        assertThat(CLASSES.contain(CaseService.class)).as("workers").isTrue();
        assertThat(CLASSES.contain(RelocationServerApplication.class)).as("server").isTrue();
        assertThat(CLASSES.contain(ModuleBoundariesTest.class)).as("tests").isFalse();
        PLATFORM_EXCEPTIONS.keySet().forEach(name -> assertThat(CLASSES.contain(name)).as(name + " still exists").isTrue());
    }

    @Test
    void thePlatformNamesNoFeature() {
        noClasses().that().resideInAPackage("org.relocation.platform..").and(not(listedException()))
                .should().dependOnClassesThat(resideInAPackage("org.relocation..")
                        .and(not(resideInAnyPackage("org.relocation.platform..", "org.relocation.processes..", "org.relocation.relocationcase"))))
                .because("features plug into the platform through its hooks; only the case kernel (org.relocation.relocationcase) "
                        + "is shared, and the listed composition-root classes may name features")
                .check(CLASSES);
    }

    @Test
    void featuresFormNoCycle() {
        slices().matching("org.relocation.(*)..").namingSlices("feature $1")
                .should().beFreeOfCycles()
                .because("a feature depends only on features below it; the case kernel depends on none")
                .check(CLASSES.that(not(resideInAnyPackage(NOT_FEATURES))));
    }

    @Test
    void theCaseKernelDependsOnNoFeatureButExchangeRates() {
        noClasses().that().resideInAPackage("org.relocation.relocationcase")
                .should().dependOnClassesThat(resideInAPackage("org.relocation..")
                        .and(not(resideInAnyPackage("org.relocation.relocationcase", "org.relocation.platform..", "org.relocation.fx"))))
                .because("every feature hangs off the case; the intake check asks fx whether a currency has a rate today")
                .check(CLASSES);
    }

    private static DescribedPredicate<JavaClass> listedException() {
        return DescribedPredicate.describe("listed in PLATFORM_EXCEPTIONS", c -> PLATFORM_EXCEPTIONS.keySet().stream()
                .anyMatch(name -> c.getName().equals(name) || c.getName().startsWith(name + "$")));
    }
}
