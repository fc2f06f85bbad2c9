package org.relocation.platform.configuration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No profile means production: without the demo profile the context refuses to start while a user, the document key
 * or a configured vendor's secret is missing, or any secret is one of application-demo.yaml's. The message names
 * each setting key, never a value nor a login.
 */
class ProductionSettingsCheckTest {

    /** application-demo.yaml's public document key and one of its vendor secrets. */
    private static final String DEMO_KEY = "VC8m1xg/PE+vyAKANzwgXVvgXLGX77rgAR+PR5z0I1s=";
    private static final String DEMO_HOUSING_SECRET = "demo-housing-secret";

    private static final String OWN_KEY = "q2Wn5b0cV7m3Jk9LpQ1rT4uX6yZ8aB0cD2eF4gH6iJ8=";
    /** A production configuration that starts; each test spoils one part of it. */
    private static final List<String> PRODUCTION = List.of(
            "relocation.identity.users[0].id=jdoe",
            "relocation.identity.users[0].password=Correct-Horse-7-Battery",
            "relocation.identity.users[0].groups[0]=admin",
            "relocation.identity.users[1].id=worker",
            "relocation.identity.users[1].password=Worker-Secret-41-Staple",
            "relocation.identity.users[1].groups[0]=job-worker",
            "relocation.workers.password=Worker-Secret-41-Staple",
            "relocation.documents.encryption-key=" + OWN_KEY,
            "relocation.documents.key-id=key-1",
            "relocation.vendors.endpoints.housing.url=https://housing.example.com/orders",
            "relocation.vendors.endpoints.housing.secret=housing-hmac-secret-of-our-own",
            // a vendor not in use: no url, no secret (its step fails with an incident when a case needs it)
            "relocation.vendors.endpoints.tax.url=",
            "relocation.vendors.endpoints.tax.secret=",
            "relocation.demo.enabled=false");

    private final ApplicationContextRunner server = new ApplicationContextRunner().withUserConfiguration(ProductionSettingsCheck.class);

    @Test
    void aValidProductionConfigurationStarts() {
        server.withPropertyValues(PRODUCTION.toArray(String[]::new)).run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void withNothingConfiguredItRefusesAndNamesEveryMissingSetting() {
        server.run(refused(message -> assertThat(message)
                .contains("relocation.identity.users is empty")
                .contains("relocation.documents.encryption-key (RELOCATION_DOCUMENTS_ENCRYPTION_KEY) is not set")
                .contains("relocation.documents.key-id (RELOCATION_DOCUMENTS_KEY_ID) is not set")
                .contains("--spring.profiles.active=demo")));
    }

    @Test
    void aUserWithoutAPasswordIsRefused() {
        production("relocation.identity.users[0].password=").run(refused(message -> assertThat(message)
                .contains("relocation.identity.users[0].password is not set")));
    }

    @Test
    void theDemoPasswordIsRefusedForAnyUserAndForTheWorkers() {
        production("relocation.identity.users[0].password=demo", "relocation.workers.password=demo").run(refused(message -> assertThat(message)
                .contains("relocation.identity.users[0].password has a demo value")
                .contains("relocation.workers.password has a demo value")
                .doesNotContain("jdoe")
                .doesNotContain("relocation.identity.users[1].password")));
    }

    @Test
    void theDemoDocumentKeyIsRefusedAsTheKeyAndAsARetiredKey() {
        production("relocation.documents.encryption-key=" + DEMO_KEY).run(refused(message -> assertThat(message)
                .contains("relocation.documents.encryption-key has a demo value")
                .doesNotContain(DEMO_KEY)));
        production("relocation.documents.retired-keys.old=" + DEMO_KEY).run(refused(message -> assertThat(message)
                .contains("relocation.documents.retired-keys.old has a demo value")
                .doesNotContain(DEMO_KEY)));
    }

    @Test
    void aDemoVendorSecretIsRefusedWhateverVendorItIsSetFor() {
        production("relocation.vendors.endpoints.payroll.url=https://payroll.example.com/orders",
                "relocation.vendors.endpoints.payroll.secret=" + DEMO_HOUSING_SECRET).run(refused(message -> assertThat(message)
                .contains("relocation.vendors.endpoints.payroll.secret has a demo value")
                .doesNotContain(DEMO_HOUSING_SECRET)));
    }

    @Test
    void aVendorWithAUrlButNoSecretIsRefused() {
        production("relocation.vendors.endpoints.housing.secret=").run(refused(message -> assertThat(message)
                .contains("relocation.vendors.endpoints.housing.secret is not set, but its url is")));
    }

    @Test
    void theDemoSwitchesAreRefusedWithoutTheDemoProfile() {
        production("relocation.demo.enabled=true", "relocation.demo.seed-cases=true").run(refused(message -> assertThat(message)
                .contains("relocation.demo.enabled is true")
                .contains("relocation.demo.seed-cases is true")));
    }

    @Test
    void theDemoProfileSelectedExplicitlyStartsWithTheDemoValues() {
        server.withPropertyValues("spring.profiles.active=demo", "relocation.identity.users[0].id=admin",
                        "relocation.identity.users[0].password=demo", "relocation.documents.encryption-key=" + DEMO_KEY,
                        "relocation.demo.enabled=true")
                .run(context -> assertThat(context).hasNotFailed());
        // any other profile is production: the mysql and production profiles are checked like no profile
        server.withPropertyValues("spring.profiles.active=production,mysql", "relocation.identity.users[0].id=admin",
                        "relocation.identity.users[0].password=demo")
                .run(refused(message -> assertThat(message).contains("relocation.identity.users[0].password has a demo value")));
    }

    @Test
    void theDemoValuesComeFromApplicationDemoYaml() {
        assertThat(ProductionSettingsCheck.demoSecrets()).contains("demo", DEMO_KEY, DEMO_HOUSING_SECRET, "demo-counsel-secret");
    }

    private ApplicationContextRunner production(String... overrides) {
        List<String> settings = new ArrayList<>(PRODUCTION);
        settings.addAll(List.of(overrides));
        return server.withPropertyValues(settings.toArray(String[]::new));
    }

    private static org.springframework.boot.test.context.runner.ContextConsumer<AssertableApplicationContext> refused(Consumer<String> message) {
        return context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("Refusing to start");
            message.accept(context.getStartupFailure().getMessage());
        };
    }
}
