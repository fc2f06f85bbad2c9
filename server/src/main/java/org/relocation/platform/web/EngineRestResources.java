package org.relocation.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.operaton.bpm.engine.rest.impl.OperatonRestResources;
import org.operaton.bpm.engine.rest.mapper.JacksonConfigurator;
import org.operaton.bpm.spring.boot.starter.rest.OperatonJerseyResourceConfig;

import java.util.HashSet;
import java.util.Set;

/**
 * The engine REST API ({@code /engine-rest}) as the Operaton starter configures it, with one difference: its JSON
 * mapper is made once and shared. The API's own {@link JacksonConfigurator} builds a new {@link ObjectMapper} each
 * time one is asked for, several times per request, and a new mapper starts without the serializers the previous
 * one had worked out, so every response had them worked out again by reflection. The shared mapper is configured
 * the same way (the API's date format and settings) on first use, and Jackson's mappers are safe to share once
 * configured.
 */
class EngineRestResources extends OperatonJerseyResourceConfig {

    @Override
    protected void registerOperatonRestResources() {
        registerClasses(OperatonRestResources.getResourceClasses());
        Set<Class<?>> configuration = new HashSet<>(OperatonRestResources.getConfigurationClasses());
        if (!configuration.remove(JacksonConfigurator.class)) {
            throw new IllegalStateException("The engine REST API no longer registers " + JacksonConfigurator.class.getName()
                    + "; check how it configures its ObjectMapper before replacing it");
        }
        // every exception answers with the engine's body plus the problem members (FieldErrorsRestExceptionHandler)
        registerClasses(FieldErrorsRestExceptionHandler.replacingEngineHandlers(configuration));
        register(new SharedObjectMapper());
        register(JacksonFeature.class);
    }

    /** Hands out one mapper, configured like the engine REST API's own on first use. */
    @Provider
    @Produces({"application/json", "application/hal+json"})
    static final class SharedObjectMapper implements ContextResolver<ObjectMapper> {

        private volatile ObjectMapper mapper;

        @Override
        public ObjectMapper getContext(Class<?> type) {
            ObjectMapper m = mapper;
            if (m == null) {
                synchronized (this) {
                    m = mapper;
                    if (m == null) {
                        m = JacksonConfigurator.configureObjectMapper(new ObjectMapper());
                        mapper = m;
                    }
                }
            }
            return m;
        }
    }
}
