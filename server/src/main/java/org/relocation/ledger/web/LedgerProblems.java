package org.relocation.ledger.web;

import org.relocation.ledger.InvalidPaymentException;
import org.relocation.ledger.PaymentRefusedException;
import org.relocation.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Bad fields of a payment: 400 naming each; a payment or move refused by a rule: 409 with the ledger's sentence. */
@RestControllerAdvice(basePackageClasses = PaymentController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class LedgerProblems {

    @ExceptionHandler(InvalidPaymentException.class)
    ProblemDetail invalid(InvalidPaymentException e) {
        return Problems.invalid(e.getFieldErrors());
    }

    @ExceptionHandler(PaymentRefusedException.class)
    ProblemDetail refused(PaymentRefusedException e) {
        return Problems.of(HttpStatus.CONFLICT, "Payment refused", e.getMessage());
    }
}
