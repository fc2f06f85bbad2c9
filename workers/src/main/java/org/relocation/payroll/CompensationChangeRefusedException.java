package org.relocation.payroll;

/** A compensation change the case's state refuses (the API's 409), with a sentence that names no amount. */
public class CompensationChangeRefusedException extends RuntimeException {

    public CompensationChangeRefusedException(String message) {
        super(message);
    }
}
