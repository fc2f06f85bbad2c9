package org.relocation.keydate;


import java.time.LocalDate;

/**
 * The write side of the key-date repository (a Spring Data fragment of {@code KeyDateRepository}): upserts a
 * traveller's key date and plans its follow-up in the engine, through {@link KeyDateService#register}.
 */
public interface KeyDateRegistration {

    /** Upserts the key date of that kind for the traveller (null: the employee) and (re)plans its reminders. */
    KeyDate register(Long caseId, Long travellerId, String kind, LocalDate dueDate, String note);
}
