package org.relocation.expense.web;

import org.relocation.expense.ExpenseClaimRefusedException;
import org.relocation.expense.InvalidExpenseClaimException;
import org.relocation.expense.ReceiptAccessDeniedException;
import org.relocation.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Bad fields of a claim: 400 naming each; a claim the case refuses: 409 with the sentence; a receipt refused: 403 (logged). */
@RestControllerAdvice(basePackageClasses = ExpenseClaimController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ExpenseProblems {

    @ExceptionHandler(InvalidExpenseClaimException.class)
    ProblemDetail invalid(InvalidExpenseClaimException e) {
        return Problems.invalid(e.getFieldErrors());
    }

    @ExceptionHandler(ExpenseClaimRefusedException.class)
    ProblemDetail refused(ExpenseClaimRefusedException e) {
        return Problems.of(HttpStatus.CONFLICT, "Expense claim refused", e.getMessage());
    }

    @ExceptionHandler(ReceiptAccessDeniedException.class)
    ProblemDetail denied(ReceiptAccessDeniedException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "Forbidden", "Your role may not read this receipt");
    }
}
