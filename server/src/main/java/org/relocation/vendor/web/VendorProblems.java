package org.relocation.vendor.web;

import org.relocation.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A vendor of the same code or name registered by someone else at the same moment: 409, nothing written. */
@RestControllerAdvice(basePackageClasses = VendorController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class VendorProblems {

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail registeredMeanwhile(DataIntegrityViolationException e) {
        return Problems.of(HttpStatus.CONFLICT, "Concurrent change",
                "A vendor of the same code or name was registered at the same moment; nothing was written, check and try again");
    }
}
