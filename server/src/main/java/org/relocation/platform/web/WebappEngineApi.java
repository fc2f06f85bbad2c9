package org.relocation.platform.web;

import org.glassfish.jersey.servlet.ServletContainer;
import org.operaton.bpm.webapp.impl.engine.EngineRestApplication;

import java.util.Set;

/**
 * The webapps' engine API ({@code /operaton/api/engine/*}, which the Tasklist calls) with the REST API's exception
 * mappers: a refused form is a 400 with {@code fieldErrors} (field → sentence) here too, which the Tasklist's
 * {@code scripts/field-errors.js} shows next to each field. Registered under the servlet name the Operaton starter
 * uses, before it, so the starter keeps this one ({@link WebappEngineApiRegistration}).
 */
public class WebappEngineApi extends EngineRestApplication {

    /** The servlet name the Operaton webapp starter registers its engine API under (and skips when taken). */
    static final String SERVLET_NAME = "Engine Api";
    static final Class<?> SERVLET = ServletContainer.class;

    @Override
    public Set<Class<?>> getClasses() {
        return FieldErrorsRestExceptionHandler.replacingEngineHandlers(super.getClasses());
    }
}
