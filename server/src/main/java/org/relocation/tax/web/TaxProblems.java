package org.relocation.tax.web;

import org.relocation.platform.web.Problems;
import org.relocation.tax.GrossUpNotConvergedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A table loaded by someone else at the same moment: 409 (nothing of the load was written); a gross-up that cannot
 * converge with the table: 422. A missing table is the platform's 404 (a NotFoundException); a missing exchange rate
 * is handled by fx's own advice only on its controller, so it is answered here as 404 too.
 */
@RestControllerAdvice(basePackageClasses = TaxTableController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TaxProblems {

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail loadedMeanwhile(DataIntegrityViolationException e) {
        return Problems.of(HttpStatus.CONFLICT, "Concurrent change",
                "A tax table of the same country and effective date was loaded at the same moment; nothing was written, check and try again");
    }

    @ExceptionHandler(org.relocation.tax.TaxSettlementRefusedException.class)
    ProblemDetail settlementRefused(org.relocation.tax.TaxSettlementRefusedException e) {
        return Problems.of(HttpStatus.CONFLICT, "Settlement refused", e.getMessage());
    }

    @ExceptionHandler(GrossUpNotConvergedException.class)
    ProblemDetail notConverged(GrossUpNotConvergedException e) {
        return Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "Gross-up not converged", e.getMessage());
    }

    @ExceptionHandler(org.relocation.fx.MissingExchangeRateException.class)
    ProblemDetail missingRate(org.relocation.fx.MissingExchangeRateException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "No exchange rate", e.getMessage());
    }
}
