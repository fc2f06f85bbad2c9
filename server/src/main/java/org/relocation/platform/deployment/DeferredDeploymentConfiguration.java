package org.relocation.platform.deployment;

import org.operaton.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.operaton.bpm.spring.boot.starter.configuration.impl.DefaultDeploymentConfiguration;
import org.operaton.bpm.spring.boot.starter.property.OperatonBpmProperties;
import org.springframework.stereotype.Component;

/**
 * The starter's deployment configuration, minus the deployment while the engine is built: the starter's own bean
 * ({@code OperatonBpmConfiguration}) is conditional on there being none, so this one replaces it. The resources stay as
 * the properties say ({@code operaton.bpm.auto-deployment-enabled}, {@code deployment-resource-pattern}); they are
 * deployed once the context has started, by {@link StartupDeployment}, when every rule of the validation can run.
 */
@Component
class DeferredDeploymentConfiguration extends DefaultDeploymentConfiguration {

    DeferredDeploymentConfiguration(OperatonBpmProperties properties) {
        super(properties);
    }

    /** Nothing while the engine is built: {@link StartupDeployment} deploys the resources. */
    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        // deferred
    }

    boolean autoDeploymentEnabled() {
        return operatonBpmProperties.isAutoDeploymentEnabled();
    }
}
