package org.relocation.keydate;

/**
 * Who gets a key-date reminder: the mobility specialists' mailbox, the relocating employee (the case's
 * e-mail address, also for a dependant's dates) or the HR mailbox ({@code relocation.key-dates.mailboxes}).
 */
public enum ReminderRecipient {
    SPECIALIST, EMPLOYEE, HR
}
