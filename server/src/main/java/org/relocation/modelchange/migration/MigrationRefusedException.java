package org.relocation.modelchange.migration;

/** A migration that cannot start now: one from the same source version is still running, or nothing is left to retry (409). */
public class MigrationRefusedException extends RuntimeException {

    public MigrationRefusedException(String message) {
        super(message);
    }
}
