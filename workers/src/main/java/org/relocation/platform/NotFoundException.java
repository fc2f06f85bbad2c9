package org.relocation.platform;

/**
 * Something a request names does not exist (or the caller may not know it does): the case API answers 404 with
 * problem details for every subclass, so a feature's not-found exception needs no handler of its own.
 */
public abstract class NotFoundException extends RuntimeException {

    protected NotFoundException(String message) {
        super(message);
    }
}
