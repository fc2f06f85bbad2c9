package org.relocation.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.relocation.platform.NotFoundException;
import org.relocation.relocationcase.InvalidIntakeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.Map;

/**
 * RFC 9457 problem details ({@link Problems}) for the case API: bad input is a 400 naming each field, never a 500. A feature's own
 * exceptions are handled in the feature (e.g. {@code inbound/CallbackRejections}); not-found ones extend
 * {@link NotFoundException}.
 */
@RestControllerAdvice(basePackages = "org.relocation")
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidIntakeException.class)
    ProblemDetail invalidIntake(InvalidIntakeException e) {
        return badRequest(e.getFieldErrors());
    }

    @ExceptionHandler(BadRequestException.class)
    ProblemDetail badInput(BadRequestException e) {
        return badRequest(e.getFieldErrors());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException u) {
            return badRequest(Map.of(path(u), "This field is not part of the request: remove it or check its spelling."));
        }
        if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return badRequest(Map.of(path(m), "This value has the wrong format or type for the field."));
        }
        return badRequest(Map.of("body", "The body is not valid JSON."));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return badRequest(Map.of(e.getName(), "This value has the wrong type for the parameter."));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", "Send application/json");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        return Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", "This path does not take " + e.getMethod());
    }

    /** Every feature's not-found exception (a case, a policy exception, ...). */
    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(RuntimeException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    // a JPA flush at the commit of a @Transactional controller throws the JPA exception itself (a MariaDB deadlock arrives so)
    @ExceptionHandler({org.operaton.bpm.engine.OptimisticLockingException.class, org.springframework.dao.ConcurrencyFailureException.class,
            jakarta.persistence.OptimisticLockException.class, jakarta.persistence.PessimisticLockException.class})
    ProblemDetail concurrentChange(RuntimeException e) {
        log.info("A request met a concurrent change and was rolled back: {}", e.getClass().getSimpleName());
        return Problems.of(HttpStatus.CONFLICT, "Concurrent change", "The case changed at the same moment; nothing was written, try again");
    }

    /** A role the rule of an endpoint refuses, or the engine's authorizations when a call runs as the person (model changes). */
    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class, org.operaton.bpm.engine.AuthorizationException.class})
    ProblemDetail forbidden(RuntimeException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "Forbidden", "Your role may not do this");
    }

    static ProblemDetail badRequest(Map<String, String> fieldErrors) {
        return Problems.invalid(fieldErrors);
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }
}
