package org.relocation.platform.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.operaton.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.operaton.bpm.engine.rest.exception.InvalidRequestException;
import org.operaton.bpm.engine.rest.exception.RestException;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine REST API's answer to every exception: the engine's own body ({@code type} = the exception's name,
 * {@code message}, {@code code}; an authorization refusal's {@code userId} and {@code missingAuthorizations}), which
 * the webapps read, plus the members of the product's problem format ({@link Problems}): {@code title}, {@code status},
 * {@code detail} (= message) and {@code instance} (the request's path). A refused form submission (a
 * {@link FormFieldValidationException}, bare or wrapped by a route) is a 400 with {@code fieldErrors} (field → problem)
 * whichever route it came through (resolve, for one, answers the engine's exceptions with 500), so a client learns
 * every bad field at once, as from the case API. The engine's name as {@code type} is a relative URI reference, valid
 * in RFC 9457; the content type stays application/json, which the webapps' client parses.
 */
@Provider
class FieldErrorsRestExceptionHandler implements ExceptionMapper<RestException> {

    private static final ObjectMapper JSON = org.operaton.bpm.engine.rest.mapper.JacksonConfigurator.configureObjectMapper(new ObjectMapper());

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(RestException exception) {
        return answer(exception, uri);
    }

    static Response answer(Throwable exception, UriInfo uri) {
        Map<String, Object> body;
        Response.Status status;
        Response engine = null;
        FormFieldValidationException form = formRefusal(exception);
        if (form != null) {
            status = Response.Status.BAD_REQUEST;
            body = new LinkedHashMap<>();
            body.put("type", "FormFieldValidationException");
            // the refusal's own message (its sentences), not a wrapping route's "...: " + cause text
            body.put("message", form.getMessage() != null ? form.getMessage() : exception.getMessage());
            body.put("fieldErrors", form.getDetail());
        } else {
            engine = ExceptionHandlerHelper.getInstance().getResponse(exception);
            status = Response.Status.fromStatusCode(engine.getStatus());
            @SuppressWarnings("unchecked")
            Map<String, Object> converted = JSON.convertValue(engine.getEntity(), LinkedHashMap.class);
            body = converted;
        }
        int code = status == null ? (engine == null ? 500 : engine.getStatus()) : status.getStatusCode();
        body.put("title", status == null ? "Error" : status.getReasonPhrase());
        body.put("status", code);
        body.put("detail", body.get("message"));
        if (uri != null) {
            body.put("instance", uri.getRequestUri().getRawPath());
        }
        return Response.status(code).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The engine API's own exception handlers, which these mappers replace. */
    private static final List<Class<?>> ENGINE_HANDLERS = List.of(org.operaton.bpm.engine.rest.exception.RestExceptionHandler.class,
            org.operaton.bpm.engine.rest.exception.ProcessEngineExceptionHandler.class,
            org.operaton.bpm.engine.rest.exception.ExceptionHandler.class,
            org.operaton.bpm.engine.rest.exception.JsonMappingExceptionHandler.class,
            org.operaton.bpm.engine.rest.exception.JsonParseExceptionHandler.class);

    /**
     * An engine API's configuration classes with its exception handlers replaced by these mappers: for the REST API
     * ({@code /engine-rest}) and for the webapps' engine API ({@code /operaton/api/engine}, the Tasklist's), so a refused
     * form answers the same {@code fieldErrors} on both.
     * @throws IllegalStateException when the engine API no longer registers a handler replaced here
     */
    static Set<Class<?>> replacingEngineHandlers(Set<Class<?>> configuration) {
        Set<Class<?>> replaced = new HashSet<>(configuration);
        for (Class<?> handler : ENGINE_HANDLERS) {
            if (!replaced.remove(handler)) {
                throw new IllegalStateException("The engine API no longer registers " + handler.getName() + "; check "
                        + FieldErrorsRestExceptionHandler.class.getSimpleName() + " still answers what it did");
            }
        }
        replaced.addAll(List.of(FieldErrorsRestExceptionHandler.class, EngineExceptions.class, AnyException.class,
                UnreadableJson.class, MalformedJson.class));
        return replaced;
    }

    private static FormFieldValidationException formRefusal(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof FormFieldValidationException form && form.getDetail() instanceof Map<?, ?>) {
                return form;
            }
        }
        return null;
    }

    /** The same for the engine's exceptions that reach the API unwrapped. */
    @Provider
    static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {

        @Context
        private UriInfo uri;

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return answer(exception, uri);
        }
    }

    /** Any other exception, Jersey's 404 for an unknown path among them (the engine's generic handler, replaced). */
    @Provider
    static class AnyException implements ExceptionMapper<Throwable> {

        @Context
        private UriInfo uri;

        @Override
        public Response toResponse(Throwable exception) {
            return answer(exception, uri);
        }
    }

    /** A body that is not the JSON an endpoint takes: 400 (the engine's own handlers, with the problem members). */
    @Provider
    static class UnreadableJson implements ExceptionMapper<JsonMappingException> {

        @Context
        private UriInfo uri;

        @Override
        public Response toResponse(JsonMappingException exception) {
            return answer(new InvalidRequestException(Response.Status.BAD_REQUEST, exception, ""), uri);
        }
    }

    /** Not JSON at all: 400. */
    @Provider
    static class MalformedJson implements ExceptionMapper<JsonParseException> {

        @Context
        private UriInfo uri;

        @Override
        public Response toResponse(JsonParseException exception) {
            return answer(new InvalidRequestException(Response.Status.BAD_REQUEST, exception, ""), uri);
        }
    }
}
