package org.relocation.housing;

/**
 * The engine side of a re-quoted stay (the port; the server correlates on its embedded engine): the case's housing
 * process, waiting at its event gateway {@code await-housing-confirmation}, takes the message {@value #MESSAGE} and goes
 * back to book-temporary-housing, which requests the quotes again.
 */
public interface HousingRequoteProcess {

    /** The message that sends the case's housing process back to its quotes. */
    String MESSAGE = "housing-requote-requested";

    /** Whether the case's housing process waits for the stay's confirmation and can take {@value #MESSAGE}. */
    boolean awaitsConfirmation(String caseNumber);

    /**
     * Sends the case's housing process back to its quotes, in the caller's transaction.
     * @return false, and nothing changed, when the process no longer waits for the message
     */
    boolean requote(String caseNumber);
}
