package org.relocation.keydate;

/**
 * The engine side of a key date (the port; the server implements it on its embedded engine): an instance of
 * process {@value #PROCESS_KEY} per key date sends the reminders at engine timers and starts the renewal.
 * Without an implementation (the standalone workers) key dates stay unplanned until the server plans them.
 */
public interface KeyDateFollowUp {

    String PROCESS_KEY = "relocation-key-date";
    /** Process variable: the key date's id, as a string. */
    String KEY_DATE_ID = "keyDateId";

    /** Starts following a key date; business key = case number; returns the process instance id. */
    String start(String caseNumber, Long caseId, Long keyDateId);

    /** Stops following (the date moved, or the case ended); nothing happens if the instance has ended already. */
    void stop(String processInstanceId, String reason);
}
