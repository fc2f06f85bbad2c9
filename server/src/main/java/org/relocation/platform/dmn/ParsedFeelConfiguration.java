package org.relocation.platform.dmn;

import org.operaton.bpm.dmn.engine.DmnEngineConfiguration;
import org.operaton.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.operaton.bpm.dmn.feel.impl.FeelEngine;
import org.operaton.bpm.dmn.feel.impl.FeelEngineFactory;
import org.operaton.bpm.dmn.feel.impl.juel.FeelEngineFactoryImpl;
import org.operaton.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** Gives the engine's DMN the {@link ParsedFeelEngine}, unless it is configured for the legacy (JUEL) FEEL. */
@Configuration(proxyBeanMethods = false)
class ParsedFeelConfiguration {

    @Bean
    AbstractProcessEnginePlugin parsedFeelPlugin() {
        return new ParsedFeelPlugin();
    }

    static final class ParsedFeelPlugin extends AbstractProcessEnginePlugin {
        @Override
        public void preInit(ProcessEngineConfigurationImpl configuration) {
            DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                    ? configuration.getDmnEngineConfiguration()
                    : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
            if (dmn.getFeelEngineFactory() == null) {
                dmn.setFeelEngineFactory(new Factory(configuration));
            }
            configuration.setDmnEngineConfiguration(dmn);
        }
    }

    /**
     * Decides when the DMN engine is built, after every plugin's preInit (the generic properties included): the legacy
     * FEEL when {@code dmnFeelEnableLegacyBehavior} is set, as the engine itself would, otherwise the Scala FEEL with
     * parsed texts kept and the configured function providers.
     */
    record Factory(ProcessEngineConfigurationImpl configuration) implements FeelEngineFactory {
        @Override
        public FeelEngine createInstance() {
            if (configuration.isDmnFeelEnableLegacyBehavior()) {
                return new FeelEngineFactoryImpl().createInstance();
            }
            List<FeelCustomFunctionProvider> providers = configuration.getDmnFeelCustomFunctionProviders();
            return new ParsedFeelEngine(providers == null ? List.of() : providers);
        }
    }
}
