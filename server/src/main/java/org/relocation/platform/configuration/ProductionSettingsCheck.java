package org.relocation.platform.configuration;

import org.relocation.identity.IdentityProperties;
import org.relocation.vendor.VendorProperties;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * No profile means production. Unless the {@value #DEMO_PROFILE} profile is active, the server refuses to start
 * when users, the document key or a configured vendor's secret are missing, when any secret (a user's password, the
 * job workers' password, the document key, a vendor secret) is one of the demo's, or when a {@code relocation.demo.*}
 * switch is on. It runs before any other bean is created, so nothing touches the database first, and it lists every
 * problem at once by setting key: never a value, never a login.
 * <p>
 * The demo values are read from {@value #DEMO_SETTINGS}, their one source: a value added there is refused here too.
 */
@Component
class ProductionSettingsCheck implements BeanFactoryPostProcessor, EnvironmentAware, PriorityOrdered {

    static final String DEMO_PROFILE = "demo";
    static final String DEMO_SETTINGS = "application-demo.yaml";

    private static final String USERS = "relocation.identity.users";
    private static final String WORKER_PASSWORD = "relocation.workers.password";
    private static final String DOCUMENT_KEY = "relocation.documents.encryption-key";
    private static final String DOCUMENT_KEY_ID = "relocation.documents.key-id";
    private static final String RETIRED_KEYS = "relocation.documents.retired-keys";
    private static final String VENDORS = "relocation.vendors.endpoints";
    private static final List<String> DEMO_SWITCHES = List.of("relocation.demo.enabled", "relocation.demo.seed-cases",
            "relocation.demo.seed-vendors");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (environment.acceptsProfiles(Profiles.of(DEMO_PROFILE))) {
            return;
        }
        List<String> problems = problems(Binder.get(environment), demoSecrets());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start: without the '" + DEMO_PROFILE + "' profile this is a production start"
                    + " (start the demo with --spring.profiles.active=demo), and its settings are not safe:\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    /** What is wrong with these settings for a production start, one line per setting key; empty when nothing is. */
    static List<String> problems(Binder settings, Set<String> demoSecrets) {
        List<String> problems = new ArrayList<>();
        List<IdentityProperties.User> users = settings.bind(USERS, Bindable.listOf(IdentityProperties.User.class)).orElse(List.of());
        if (users.isEmpty()) {
            problems.add(USERS + " is empty: configure the users (at least an administrator) with their own passwords");
        }
        for (int i = 0; i < users.size(); i++) {
            if (blank(users.get(i).getId())) {
                problems.add(USERS + "[" + i + "].id is not set");
            }
        }
        if (blank(settings.bind(DOCUMENT_KEY, String.class).orElse(null))) {
            problems.add(DOCUMENT_KEY + " (RELOCATION_DOCUMENTS_ENCRYPTION_KEY) is not set");
        }
        if (blank(settings.bind(DOCUMENT_KEY_ID, String.class).orElse(null))) {
            problems.add(DOCUMENT_KEY_ID + " (RELOCATION_DOCUMENTS_KEY_ID) is not set");
        }
        vendors(settings).forEach((vendor, endpoint) -> {
            if (!blank(endpoint.getUrl()) && blank(endpoint.getSecret())) {
                problems.add(VENDORS + "." + vendor + ".secret is not set, but its url is: orders would go out unsigned");
            }
        });
        secrets(settings).forEach((key, value) -> {
            if (blank(value) && key.startsWith(USERS)) {
                problems.add(key + " is not set");
            } else if (!blank(value) && demoSecrets.contains(value)) {
                problems.add(key + " has a demo value: set a secret of your own");
            }
        });
        for (String demoSwitch : DEMO_SWITCHES) {
            if (settings.bind(demoSwitch, Boolean.class).orElse(false)) {
                problems.add(demoSwitch + " is true: the demo's users, cases and vendor simulator exist only with the demo profile");
            }
        }
        return problems;
    }

    /** Every secret among these settings by its key: users' and the workers' passwords, document keys, vendor secrets. */
    static Map<String, String> secrets(Binder settings) {
        Map<String, String> secrets = new LinkedHashMap<>();
        List<IdentityProperties.User> users = settings.bind(USERS, Bindable.listOf(IdentityProperties.User.class)).orElse(List.of());
        for (int i = 0; i < users.size(); i++) {
            secrets.put(USERS + "[" + i + "].password", users.get(i).getPassword());
        }
        secrets.put(WORKER_PASSWORD, settings.bind(WORKER_PASSWORD, String.class).orElse(null));
        secrets.put(DOCUMENT_KEY, settings.bind(DOCUMENT_KEY, String.class).orElse(null));
        settings.bind(RETIRED_KEYS, Bindable.mapOf(String.class, String.class)).orElse(Map.of())
                .forEach((id, key) -> secrets.put(RETIRED_KEYS + "." + id, key));
        vendors(settings).forEach((vendor, endpoint) -> secrets.put(VENDORS + "." + vendor + ".secret", endpoint.getSecret()));
        return secrets;
    }

    /** The secrets of the demo profile, read from {@value #DEMO_SETTINGS}. */
    static Set<String> demoSecrets() {
        List<PropertySource<?>> demo;
        try {
            demo = new YamlPropertySourceLoader().load(DEMO_SETTINGS, new ClassPathResource(DEMO_SETTINGS));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DEMO_SETTINGS + ", the demo values a production start must not use", e);
        }
        Set<String> values = new HashSet<>(secrets(new Binder(ConfigurationPropertySources.from(demo))).values());
        values.removeIf(ProductionSettingsCheck::blank);
        if (values.isEmpty()) {
            throw new IllegalStateException(DEMO_SETTINGS + " names no secret: the production check would have nothing to refuse");
        }
        return values;
    }

    private static Map<String, VendorProperties.Endpoint> vendors(Binder settings) {
        return new TreeMap<>(settings.bind(VENDORS, Bindable.mapOf(String.class, VendorProperties.Endpoint.class)).orElse(Map.of()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
