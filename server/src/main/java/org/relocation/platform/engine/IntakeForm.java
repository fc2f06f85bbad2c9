package org.relocation.platform.engine;

import org.relocation.relocationcase.CaseIntake;
import org.relocation.relocationcase.CaseService;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** The Tasklist start form's fields (intake_*) as an intake, for validation and registration. */
public final class IntakeForm {

    private IntakeForm() {
    }

    /** From the start form's variables, keyed with or without the intake_ prefix. */
    public static CaseIntake toIntake(Map<String, Object> fields) {
        Map<String, Object> f = new HashMap<>();
        fields.forEach((k, v) -> f.put(k.startsWith(PersonalData.INTAKE_PREFIX) ? k.substring(PersonalData.INTAKE_PREFIX.length()) : k, v));
        return new CaseIntake(str(f, "employeeName"), str(f, "employeeEmail"), str(f, "employeeUserId"), str(f, "nationality"),
                str(f, "homeCountry"), str(f, "homeCity"), str(f, "hostCountry"), str(f, "hostCity"), str(f, "assignmentType"),
                date(f, "startDate"), date(f, "endDate"), str(f, "costCentre"), decimal(f, "budgetAmount"), str(f, "budgetCurrency"),
                integer(f, "gradeLevel"), decimal(f, "baseSalaryAmount"), str(f, "baseSalaryCurrency"), null,
                str(f, "lineManagerUserId"), str(f, "specialistUserId"));
    }


    private static String str(Map<String, Object> f, String key) {
        Object v = f.get(key);
        return v == null ? null : v.toString().trim();
    }

    private static LocalDate date(Map<String, Object> f, String key) {
        String s = str(f, key);
        return s == null || !FormSchemas.isDate(s) ? null : LocalDate.parse(s.substring(0, 10));
    }

    private static Integer integer(Map<String, Object> f, String key) {
        BigDecimal d = decimal(f, key);
        if (d == null) {
            return null;
        }
        try {
            return d.intValueExact();
        } catch (ArithmeticException e) {
            return -1; // a fraction or out of range: the validator names the field
        }
    }

    private static BigDecimal decimal(Map<String, Object> f, String key) {
        Object v = f.get(key);
        if (v instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros();
        }
        try {
            return v == null ? null : new BigDecimal(v.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
