package org.relocation.modelchange.migration.web;

import org.operaton.bpm.engine.AuthorizationException;
import org.relocation.modelchange.migration.MigrationRefusedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A migration from the same source still running, or nothing to retry: 409; the engine refusing the person: 403. */
@RestControllerAdvice(basePackageClasses = ModelMigrationController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ModelMigrationProblems {

    @ExceptionHandler(MigrationRefusedException.class)
    ProblemDetail refused(MigrationRefusedException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setTitle("Migration refused");
        return p;
    }

    @ExceptionHandler(AuthorizationException.class)
    ProblemDetail forbidden(AuthorizationException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "The engine refused the migration: " + e.getMessage());
        p.setTitle("Forbidden");
        return p;
    }
}
