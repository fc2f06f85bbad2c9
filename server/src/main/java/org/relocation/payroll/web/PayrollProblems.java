package org.relocation.payroll.web;

import org.relocation.payroll.CompensationChangeRefusedException;
import org.relocation.payroll.InvalidCompensationChangeException;
import org.relocation.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Bad fields of a compensation change: 400 naming each; a change the case's state refuses: 409 with a sentence. */
@RestControllerAdvice(basePackageClasses = PayrollInstructionController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PayrollProblems {

    @ExceptionHandler(InvalidCompensationChangeException.class)
    ProblemDetail invalid(InvalidCompensationChangeException e) {
        return Problems.invalid(e.getFieldErrors());
    }

    @ExceptionHandler(CompensationChangeRefusedException.class)
    ProblemDetail refused(CompensationChangeRefusedException e) {
        return Problems.of(HttpStatus.CONFLICT, "Compensation change refused", e.getMessage());
    }
}
