package org.relocation.benefits;

import java.util.Arrays;
import java.util.List;

/** The health plan the employee enrols in (form confirm-benefits-enrolment, field healthPlan: the codes). */
public enum HealthPlan {
    /** The host country's national plan through the benefits provider: only where it has one. */
    HOST_NATIONAL("host-national"),
    /** International health cover. */
    INTERNATIONAL("international"),
    /** The home country's plan continued. */
    HOME_CONTINUED("home-continued");

    private final String code;

    HealthPlan(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(HealthPlan::code).toList();
    }

    /** The plan of a code; null for none or an unknown one (a form a process owner changed). */
    public static HealthPlan of(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst().orElse(null);
    }
}
