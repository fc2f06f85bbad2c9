package org.relocation.standalone;

import org.relocation.platform.worker.WorkerProperties;
import org.relocation.policy.PolicyRules;
import org.relocation.policy.RestPolicyRules;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

/**
 * The job workers as their own process: the same {@code CaseWorker} beans the server runs embedded, here
 * long polling a remote server's {@code /engine-rest} ({@code relocation.workers.engine-url}, HTTP basic
 * with {@code relocation.workers.username}/{@code password}) and writing the case records to the server's
 * database (same JPA entities; the server owns the schema, so Flyway is off here). No web server.
 * <p>
 * Configuration comes from {@code workers.yaml} (not application.yaml, which is the server's), overridable
 * with environment variables ({@code RELOCATION_ENGINE_URL}, {@code RELOCATION_DB_URL}, ...), an external
 * {@code workers.yaml} in the working directory or {@code --spring.config.additional-location}.
 * <p>
 * Its own module ({@code standalone/}), so the server never has it on its classpath.
 */
@SpringBootApplication(scanBasePackages = "org.relocation")
@AutoConfigurationPackage(basePackages = "org.relocation") // JPA entities and repositories of every feature package
public class WorkersApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(WorkersApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.config.name=workers")
                .run(args);
    }

    /** The policy decision tables, evaluated by the server's engine over its REST API. */
    @Bean
    PolicyRules policyRules(WorkerProperties workers) {
        return new RestPolicyRules(workers);
    }

    /** Fails at startup, before any polling, when the remote engine or the worker's credentials are missing. */
    @Bean
    InitializingBean standaloneWorkersSettingsCheck(WorkerProperties workers) {
        return () -> {
            if (!workers.isEnabled()) {
                throw new IllegalStateException("relocation.workers.enabled=false: the standalone workers would do nothing");
            }
            if (workers.getTransport() != WorkerProperties.Transport.HTTP) {
                throw new IllegalStateException("relocation.workers.transport must be http for the standalone workers (they have no engine of their own)");
            }
            if (isBlank(workers.getEngineUrl())) {
                throw new IllegalStateException("relocation.workers.engine-url (RELOCATION_ENGINE_URL) is required, e.g. http://server:8080/engine-rest");
            }
            if (isBlank(workers.getUsername()) || isBlank(workers.getPassword())) {
                throw new IllegalStateException("relocation.workers.username and .password (RELOCATION_WORKER_USER, RELOCATION_WORKER_PASSWORD) are required");
            }
        };
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
