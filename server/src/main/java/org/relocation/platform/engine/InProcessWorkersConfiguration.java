package org.relocation.platform.engine;

import org.operaton.bpm.engine.ExternalTaskService;
import org.relocation.platform.worker.CaseWorker;
import org.relocation.platform.worker.WorkerProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The server runs its job workers in-process unless relocation.workers.transport is http (or the workers are disabled). */
@Configuration(proxyBeanMethods = false)
class InProcessWorkersConfiguration {

    @Bean
    @ConditionalOnExpression("${relocation.workers.enabled:true} and '${relocation.workers.transport:in-process}'.toLowerCase() != 'http'")
    InProcessWorkers inProcessWorkers(ExternalTaskService externalTasks, List<CaseWorker> workers, WorkerProperties properties) {
        return new InProcessWorkers(externalTasks, workers, properties);
    }
}
