package org.relocation.processes;

import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** Registers {@link ModelFunctions} with an engine's expression language: every engine that runs these models needs it. */
public class ModelFunctionsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        try {
            configuration.getExpressionManager().addFunction("csvItems", ModelFunctions.class.getMethod("csvItems", String.class));
            configuration.getExpressionManager().addFunction("nowInstant", ModelFunctions.class.getMethod("nowInstant"));
            configuration.getExpressionManager().addFunction("serviceOf", ModelFunctions.class.getMethod("serviceOf", String.class));
            configuration.getExpressionManager().addFunction("travellerOf", ModelFunctions.class.getMethod("travellerOf", String.class));
            configuration.getExpressionManager().addFunction("setting", ModelFunctions.class.getMethod("setting", String.class));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("ModelFunctions changed: register its functions again", e);
        }
    }
}
