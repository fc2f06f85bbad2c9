package org.relocation.modelchange.migration.web;

import org.relocation.platform.web.Problems;
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
        ProblemDetail p = Problems.of(HttpStatus.CONFLICT, "Migration refused", e.getMessage());
        return p;
    }

    @ExceptionHandler(AuthorizationException.class)
    ProblemDetail forbidden(AuthorizationException e) {
        ProblemDetail p = Problems.of(HttpStatus.FORBIDDEN, "Forbidden", "The engine refused the migration: " + e.getMessage());
        return p;
    }
}
