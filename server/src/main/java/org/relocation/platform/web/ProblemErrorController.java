package org.relocation.platform.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import java.io.IOException;

/**
 * The error page ({@code /error}) as problem details: every {@code sendError} and every error no handler answered
 * (an unknown path, a missing parameter, a method not allowed, an uncaught exception) gets the same body as the case
 * API's own errors. Boot's {@code BasicErrorController} backs off when this bean exists. The detail is a fixed sentence
 * per status: the container's message and the exception are never shown (they may hold anything).
 */
@Hidden
@Controller
class ProblemErrorController implements ErrorController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null ? HttpStatus.valueOf(i) : HttpStatus.INTERNAL_SERVER_ERROR;
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (status.is5xxServerError() && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable cause) {
            // the container forwards an uncaught exception here without logging it: the log is the only place its cause is told
            // types and the frame each was thrown at, never a message: a third-party message (SQL, JSON) may echo personal data
            String chain = java.util.stream.Stream.iterate(cause, java.util.Objects::nonNull, Throwable::getCause).limit(8)
                    .map(t -> t.getClass().getName() + (t.getStackTrace().length > 0 ? " at " + t.getStackTrace()[0] : ""))
                    .collect(java.util.stream.Collectors.joining(" <- "));
            log.error("Unhandled {} answered {} on {} {}: {}", cause.getClass().getName(), status.value(), request.getMethod(), path, chain);
        }
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        Problems.write(response, Problems.of(status, title(status), detail(status)), path == null ? request.getRequestURI() : path.toString());
    }

    private static String title(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "Not found";
            case BAD_REQUEST -> "Invalid request";
            case INTERNAL_SERVER_ERROR -> "Server error";
            default -> status.getReasonPhrase();
        };
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "Nothing is at this path: check it against the API description (/v3/api-docs)";
            case BAD_REQUEST -> "The request could not be read: check its parameters and body";
            case METHOD_NOT_ALLOWED -> "This path does not take this HTTP method";
            case UNAUTHORIZED -> "Log in first";
            case FORBIDDEN -> "Your role may not do this";
            case INTERNAL_SERVER_ERROR -> "The server could not answer; nothing more is told to the caller, the server log has the cause";
            default -> "The request was refused with status " + status.value();
        };
    }
}
