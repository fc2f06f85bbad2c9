package org.relocation.document.web;

import org.relocation.platform.web.Problems;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import java.util.Map;

/**
 * Upload failures as problem details naming the field {@code file}. The servlet parses a multipart request
 * before a controller is chosen, so the case API's {@code ApiExceptionHandler} (scoped to this project's
 * controllers) never sees these exceptions and Spring's default answer would be a bare 413 or a 500. This
 * advice applies to every handler for that reason, and handles nothing but multipart failures.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadProblems {

    private final MultipartProperties multipart;

    UploadProblems(MultipartProperties multipart) {
        this.multipart = multipart;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        String message = "is larger than " + multipart.getMaxFileSize().toMegabytes() + " MB (the limit is "
                + multipart.getMaxFileSize().toMegabytes() + " MB per file and " + multipart.getMaxRequestSize().toMegabytes() + " MB per request)";
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Upload too large", message);
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadable(MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "could not be read: send it as a multipart/form-data part named file");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String fileError) {
        ProblemDetail p = Problems.of(status, title, "file " + fileError);
        p.setProperty("fieldErrors", Map.of("file", fileError));
        return p;
    }
}
