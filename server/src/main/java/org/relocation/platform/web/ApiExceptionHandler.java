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

import java.net.URI;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * RFC 7807 problem details for the case API: bad input is a 400 naming each field, never a 500. A feature's own
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
            return badRequest(Map.of(path(u), "is not a known field"));
        }
        if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return badRequest(Map.of(path(m), "has the wrong format or type"));
        }
        return badRequest(Map.of("body", "is not valid JSON"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return badRequest(Map.of(e.getName(), "has the wrong type"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send application/json");
        p.setTitle("Unsupported media type");
        return p;
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage());
    }

    /** Every feature's not-found exception (a case, a policy exception, ...). */
    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(RuntimeException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        p.setTitle("Not found");
        return p;
    }

    @ExceptionHandler({org.operaton.bpm.engine.OptimisticLockingException.class, org.springframework.dao.ConcurrencyFailureException.class})
    ProblemDetail concurrentChange(RuntimeException e) {
        log.info("A request met a concurrent change and was rolled back: {}", e.getClass().getSimpleName());
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The case changed at the same moment; nothing was written, try again");
        p.setTitle("Concurrent change");
        return p;
    }

    /** A role the rule of an endpoint refuses, or the engine's authorizations when a call runs as the person (model changes). */
    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class, org.operaton.bpm.engine.AuthorizationException.class})
    ProblemDetail forbidden(RuntimeException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your role may not do this");
        p.setTitle("Forbidden");
        return p;
    }

    static ProblemDetail badRequest(Map<String, String> fieldErrors) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                fieldErrors.entrySet().stream().map(en -> en.getKey() + " " + en.getValue()).collect(Collectors.joining("; ")));
        p.setTitle("Invalid request");
        p.setType(URI.create("https://relocation-engine.org/problems/invalid-request"));
        p.setProperty("fieldErrors", fieldErrors);
        return p;
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
