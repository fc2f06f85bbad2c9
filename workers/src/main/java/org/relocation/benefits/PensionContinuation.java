package org.relocation.benefits;

import java.util.Arrays;
import java.util.List;

/** Where the employee's pension contributions continue (form confirm-benefits-enrolment, field pensionContinuation). */
public enum PensionContinuation {
    HOME("home"),
    HOST("host");

    private final String code;

    PensionContinuation(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(PensionContinuation::code).toList();
    }

    /** The choice of a code; null for none or an unknown one. */
    public static PensionContinuation of(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst().orElse(null);
    }
}
