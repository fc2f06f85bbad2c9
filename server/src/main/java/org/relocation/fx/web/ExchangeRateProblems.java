package org.relocation.fx.web;

import org.relocation.fx.MissingExchangeRateException;
import org.relocation.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** No rate in effect: 404; a rate loaded by someone else at the same moment: 409 (nothing of the load was written). */
@RestControllerAdvice(basePackageClasses = ExchangeRateController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ExchangeRateProblems {

    @ExceptionHandler(MissingExchangeRateException.class)
    ProblemDetail missing(MissingExchangeRateException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "No exchange rate", e.getMessage());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail loadedMeanwhile(DataIntegrityViolationException e) {
        return Problems.of(HttpStatus.CONFLICT, "Concurrent change",
                "A rate of the same pair and effective date was loaded at the same moment; nothing was written, check and try again");
    }
}
