package org.relocation.quote;

/**
 * The engine side of a re-quoted shipment or destination service (the port; the server starts and queries processes on
 * its embedded engine): relocation-service-quotes, started for the item at its message start event {@value #MESSAGE}.
 */
public interface ServiceQuoteProcess {

    /** The message that starts relocation-service-quotes for a re-quote. */
    String MESSAGE = "service-requote-requested";

    /** Whether a process of the case waits for the confirmation message of the order (its service's, e.g. shipment-confirmed). */
    boolean awaitsConfirmation(String caseNumber, String messageName);

    /** Whether a relocation-service-quotes of the case's item runs. */
    boolean quoting(String caseNumber, String item);

    /**
     * Starts relocation-service-quotes for the item, in the caller's transaction (the specialist's completion of
     * resolve-vendor-delay), so the withdrawn order and the new quotes' process are written together or not at all.
     * @return false, and nothing changed, when the case's process no longer waits or the item is being quoted already
     */
    boolean requote(String caseNumber, Long caseId, String item);
}
