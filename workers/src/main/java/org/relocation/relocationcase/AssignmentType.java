package org.relocation.relocationcase;

/** Kinds of move a relocation policy distinguishes. */
public enum AssignmentType {
    /** Up to 12 months; the family usually stays at home. */
    SHORT_TERM,
    /** One to five years, with the family. */
    LONG_TERM,
    /** A permanent move to the host entity's payroll and contract. */
    PERMANENT_TRANSFER,
    /** Hired locally in the host country (localisation). */
    LOCAL_HIRE,
    /** Repeated business trips to the host country without relocating. */
    EXTENDED_BUSINESS_TRAVELLER
}
