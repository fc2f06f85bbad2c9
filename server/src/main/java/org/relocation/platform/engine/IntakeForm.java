package org.relocation.platform.engine;

import org.relocation.relocationcase.CaseIntake;
import org.relocation.relocationcase.CaseService;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Tasklist start form's fields (intake_*) as an intake, for validation and registration. Dependants come from
 * {@value #DEPENDENT_SLOTS} fixed slots ({@code intake_hasDependent1}, {@code intake_dependent1Relationship}, ...), from
 * before task forms took dynamic lists ({@link FormSchemas.Field#isList}). Slot n is read while slots 1..n are all
 * ticked, as the form shows them, so the intake's {@code dependents[i]} is slot i+1 ({@link #slotField}).
 */
public final class IntakeForm {

    /** How many dependants the start form takes. */
    public static final int DEPENDENT_SLOTS = 4;
    private static final java.util.regex.Pattern DEPENDENT_FIELD = java.util.regex.Pattern.compile("dependents\\[(\\d+)](?:\\.(\\w+))?");

    private IntakeForm() {
    }

    /** From the start form's variables, keyed with or without the intake_ prefix. */
    public static CaseIntake toIntake(Map<String, Object> fields) {
        Map<String, Object> f = new HashMap<>();
        fields.forEach((k, v) -> f.put(k.startsWith(PersonalData.INTAKE_PREFIX) ? k.substring(PersonalData.INTAKE_PREFIX.length()) : k, v));
        return new CaseIntake(str(f, "employeeName"), str(f, "employeeEmail"), str(f, "employeeUserId"), str(f, "nationality"),
                str(f, "homeCountry"), str(f, "homeCity"), str(f, "hostCountry"), str(f, "hostCity"), str(f, "assignmentType"),
                date(f, "startDate"), date(f, "endDate"), str(f, "costCentre"), decimal(f, "budgetAmount"), str(f, "budgetCurrency"),
                integer(f, "gradeLevel"), decimal(f, "baseSalaryAmount"), str(f, "baseSalaryCurrency"), dependents(f),
                str(f, "lineManagerUserId"), str(f, "specialistUserId"));
    }


    /** The form field of an intake problem: {@code dependents[0].fullName} is {@code dependent1FullName}. */
    public static String slotField(String intakeField) {
        java.util.regex.Matcher m = DEPENDENT_FIELD.matcher(intakeField);
        if (!m.matches()) {
            return intakeField;
        }
        int slot = Integer.parseInt(m.group(1)) + 1;
        String rest = m.group(2);
        return rest == null ? "dependent" + slot + "FullName"
                : "dependent" + slot + Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
    }

    private static List<CaseIntake.Dependent> dependents(Map<String, Object> f) {
        List<CaseIntake.Dependent> dependents = new ArrayList<>();
        for (int n = 1; n <= DEPENDENT_SLOTS && Boolean.parseBoolean(String.valueOf(f.get("hasDependent" + n))); n++) {
            String slot = "dependent" + n;
            dependents.add(new CaseIntake.Dependent(str(f, slot + "Relationship"), str(f, slot + "FullName"),
                    str(f, slot + "Nationality"), date(f, slot + "BirthDate")));
        }
        return dependents;
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
