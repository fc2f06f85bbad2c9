package org.relocation.platform.worker;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkerProperties.class)
class WorkerConfiguration {

    @Bean
    @ConditionalOnExpression("${relocation.workers.enabled:true} and '${relocation.workers.transport:in-process}'.toLowerCase() == 'http'")
    WorkerClient workerClient(List<CaseWorker> workers, WorkerProperties properties) {
        return new WorkerClient(workers, properties);
    }
}
