package org.relocation.platform.engine;

/** Naming rule for form fields that carry personal data: they reach the case records, never history. */
public final class PersonalData {

    public static final String FIELD_PREFIX = "pd_";
    public static final String INTAKE_PREFIX = "intake_";

    private PersonalData() {
    }

    static boolean isPersonal(String variableName) {
        return variableName != null && (variableName.startsWith(FIELD_PREFIX) || variableName.startsWith(INTAKE_PREFIX));
    }
}
