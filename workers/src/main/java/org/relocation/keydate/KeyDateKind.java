package org.relocation.keydate;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of key date in the register; the code (kebab-case) is what is stored and what the API speaks. Code may
 * register other kinds (kebab-case, at most 40 characters): they get the fallback rule of {@link ReminderPolicy}.
 */
public enum KeyDateKind {
    PERMIT_EXPIRY("permit-expiry", "Permit expires"),
    VISA_EXPIRY("visa-expiry", "Visa expires"),
    PASSPORT_EXPIRY("passport-expiry", "Passport expires"),
    BIOMETRICS_APPOINTMENT("biometrics-appointment", "Biometrics appointment"),
    ENTRY_DEADLINE("entry-deadline", "Entry deadline"),
    ASSIGNMENT_END("assignment-end", "Assignment ends"),
    SOCIAL_SECURITY_CERTIFICATE_END("social-security-certificate-end", "Social security certificate ends"),
    /** The EU/EEA/CH A1 certificate of a posted worker (a social-security certificate of its own kind). */
    A1_CERTIFICATE_END("a1-certificate-end", "A1 certificate ends"),
    /** The host country's prior declaration of a posted worker, due before work starts. */
    POSTING_DECLARATION_DUE("posting-declaration-due", "Posting declaration due"),
    RIGHT_TO_WORK_RECHECK("right-to-work-recheck", "Right-to-work recheck"),
    /** The end of the lease recorded after the home search (relocation-destination-services): renew or give notice. */
    LEASE_END("lease-end", "Lease ends"),
    /**
     * A family: the filing deadline of a tax return, stored per country and tax year as
     * {@code tax-return-due-<country>-<year>} (e.g. {@code tax-return-due-de-2027}), registered by the tax provider orders.
     */
    TAX_RETURN_DUE("tax-return-due", "Tax return due"),
    /**
     * A family: the day a traveller would reach a presence-day threshold (a warning or the 183-day/treaty limit) in a
     * country's tax year at the current pace, stored as {@code presence-threshold-<days>-<country>-<year>}.
     */
    PRESENCE_THRESHOLD("presence-threshold", "Presence-day threshold");

    /** The kinds stored with a qualifier after their code (one key date per country and tax year, say). */
    private static final List<KeyDateKind> FAMILIES = List.of(TAX_RETURN_DUE, PRESENCE_THRESHOLD);

    /** The codes of the kinds that are personal data (a passport's expiry): shown only to readers of a case's personal details. */
    public static final List<String> PERSONAL = List.of("passport-expiry", "Passport expires");

    private final String code;
    private final String label;

    KeyDateKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** What people read in a calendar: "Permit expires". */
    public String label() {
        return label;
    }

    /** The label of a kind's code; a kind registered by code alone reads as its code. */
    public static String labelOf(String code) {
        return fromStored(code).map(k -> k.label + (k.code.equals(code) ? "" : " (" + code.substring(k.code.length() + 1) + ")")).orElse(code);
    }

    /**
     * The kind of a stored code: the kind of that code, or the family a qualified code belongs to
     * ({@code tax-return-due-de-2027} is a {@link #TAX_RETURN_DUE}). Its reminder rule is the family's.
     */
    public static Optional<KeyDateKind> fromStored(String code) {
        Optional<KeyDateKind> exact = fromCode(code);
        if (exact.isPresent() || code == null) {
            return exact;
        }
        return FAMILIES.stream().filter(k -> code.startsWith(k.code + "-") && code.length() > k.code.length() + 1).findFirst();
    }

    public String code() {
        return code;
    }

    public static Optional<KeyDateKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(KeyDateKind::code).toList();
    }
}
