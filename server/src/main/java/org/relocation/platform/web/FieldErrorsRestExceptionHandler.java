package org.relocation.platform.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.operaton.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.operaton.bpm.engine.rest.exception.RestException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine REST API's answer to an exception, as its own handlers give it, except for a refused form submission
 * (a {@link FormFieldValidationException}, bare or wrapped by a route): 400 with {@code fieldErrors} (field → problem),
 * whichever route it came through (resolve, for one, answers the engine's exceptions with 500), so a client learns every
 * bad field at once, as from the case API.
 */
@Provider
class FieldErrorsRestExceptionHandler implements ExceptionMapper<RestException> {

    @Override
    public Response toResponse(RestException exception) {
        return answer(exception);
    }

    static Response answer(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof FormFieldValidationException form && form.getDetail() instanceof Map<?, ?> fields) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("type", "FormFieldValidationException");
                body.put("message", exception.getMessage());
                body.put("fieldErrors", fields);
                return Response.status(Response.Status.BAD_REQUEST).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
            }
        }
        return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }

    /** The same for the engine's exceptions that reach the API unwrapped. */
    @Provider
    static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return answer(exception);
        }
    }
}
