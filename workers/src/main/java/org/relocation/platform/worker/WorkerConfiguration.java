package org.relocation.platform.worker;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkerProperties.class)
class WorkerConfiguration {

    @Bean
    @ConditionalOnProperty(name = "relocation.workers.enabled", havingValue = "true", matchIfMissing = true)
    WorkerClient workerClient(List<CaseWorker> workers, WorkerProperties properties) {
        return new WorkerClient(workers, properties);
    }
}
