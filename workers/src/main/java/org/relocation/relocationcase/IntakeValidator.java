package org.relocation.relocationcase;

import java.math.BigDecimal;
import java.util.Arrays;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Checks an intake field by field; the result maps each bad field to a message a person can act on. */
public final class IntakeValidator {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern USER_ID = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");
    private static final BigDecimal MAX_BUDGET = new BigDecimal("100000000");

    private IntakeValidator() {
    }

    public static Map<String, String> validate(CaseIntake in) {
        Map<String, String> errors = new LinkedHashMap<>();
        text(errors, "employeeName", in.employeeName(), 200);
        text(errors, "employeeEmail", in.employeeEmail(), 254);
        if (!errors.containsKey("employeeEmail") && !EMAIL.matcher(in.employeeEmail()).matches()) {
            errors.put("employeeEmail", "must be an e-mail address");
        }
        if (in.employeeUserId() == null || !USER_ID.matcher(in.employeeUserId()).matches()) {
            errors.put("employeeUserId", "must be a login of 1-64 letters, digits, '.', '_' or '-'");
        }
        country(errors, "nationality", in.nationality());
        country(errors, "homeCountry", in.homeCountry());
        text(errors, "homeCity", in.homeCity(), 100);
        country(errors, "hostCountry", in.hostCountry());
        text(errors, "hostCity", in.hostCity(), 100);
        if (in.assignmentType() == null || Arrays.stream(AssignmentType.values()).noneMatch(t -> t.name().equals(in.assignmentType()))) {
            errors.put("assignmentType", "must be one of " + Arrays.toString(AssignmentType.values()));
        }
        if (in.startDate() == null) {
            errors.put("startDate", "is required (yyyy-mm-dd)");
        }
        if (in.endDate() == null) {
            if (!AssignmentType.PERMANENT_TRANSFER.name().equals(in.assignmentType())) {
                errors.put("endDate", "is required (yyyy-mm-dd) unless the assignment is a PERMANENT_TRANSFER");
            }
        } else if (in.startDate() != null && !in.endDate().isAfter(in.startDate())) {
            errors.put("endDate", "must be after startDate");
        }
        text(errors, "costCentre", in.costCentre(), 40);
        if (in.budgetAmount() == null) {
            errors.put("budgetAmount", "is required");
        } else if (in.budgetAmount().signum() < 0) {
            errors.put("budgetAmount", "must not be negative");
        } else if (in.budgetAmount().compareTo(MAX_BUDGET) > 0 || in.budgetAmount().scale() > 2) {
            errors.put("budgetAmount", "must be at most 100000000 with at most 2 decimals");
        }
        if (in.budgetCurrency() == null || !CURRENCIES.contains(in.budgetCurrency())) {
            errors.put("budgetCurrency", "must be an ISO 4217 currency code such as EUR");
        }
        if (in.gradeLevel() == null) {
            errors.put("gradeLevel", "is required (1-12, 12 most senior)");
        } else if (in.gradeLevel() < 1 || in.gradeLevel() > 12) {
            errors.put("gradeLevel", "must be between 1 and 12");
        }
        if (in.baseSalaryAmount() == null) {
            errors.put("baseSalaryAmount", "is required (annual base salary)");
        } else if (in.baseSalaryAmount().signum() <= 0) {
            errors.put("baseSalaryAmount", "must be more than 0");
        } else if (in.baseSalaryAmount().compareTo(MAX_BUDGET) > 0 || in.baseSalaryAmount().scale() > 2) {
            errors.put("baseSalaryAmount", "must be at most 100000000 with at most 2 decimals");
        }
        if (in.baseSalaryCurrency() == null || !CURRENCIES.contains(in.baseSalaryCurrency())) {
            errors.put("baseSalaryCurrency", "must be an ISO 4217 currency code such as EUR");
        }
        if (in.dependents().size() > 12) {
            errors.put("dependents", "at most 12 dependents");
        }
        for (int i = 0; i < in.dependents().size(); i++) {
            CaseIntake.Dependent d = in.dependents().get(i);
            String prefix = "dependents[" + i + "].";
            if (d == null) {
                errors.put("dependents[" + i + "]", "must not be null");
                continue;
            }
            if (!"PARTNER".equals(d.relationship()) && !"CHILD".equals(d.relationship())) {
                errors.put(prefix + "relationship", "must be PARTNER or CHILD");
            }
            text(errors, prefix + "fullName", d.fullName(), 200);
            country(errors, prefix + "nationality", d.nationality());
            if (d.birthDate() != null && in.startDate() != null && d.birthDate().isAfter(in.startDate())) {
                errors.put(prefix + "birthDate", "must not be after startDate");
            }
        }
        return errors;
    }

    /**
     * The named people of an intake for a new case, by their form (whether they are users of the right role is
     * {@link CaseService#intakeProblems}'s check): the line manager is required, the specialist optional; neither may be
     * the employee (nobody decides their own relocation).
     */
    static Map<String, String> validatePeople(CaseIntake in) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (in.lineManagerUserId() == null) {
            errors.put("lineManagerUserId", "is required: the login of the employee's line manager (a user of the manager role)");
        } else if (!USER_ID.matcher(in.lineManagerUserId()).matches()) {
            errors.put("lineManagerUserId", "must be a login of 1-64 letters, digits, '.', '_' or '-'");
        } else if (in.lineManagerUserId().equals(in.employeeUserId())) {
            errors.put("lineManagerUserId", "must be someone other than the employee");
        }
        if (in.specialistUserId() != null) {
            if (!USER_ID.matcher(in.specialistUserId()).matches()) {
                errors.put("specialistUserId", "must be a login of 1-64 letters, digits, '.', '_' or '-'");
            } else if (in.specialistUserId().equals(in.employeeUserId())) {
                errors.put("specialistUserId", "must be someone other than the employee");
            }
        }
        return errors;
    }

    /** Checks the changes of a revision against the case as it is (a new start before the old end, and so on). */
    static Map<String, String> validateRevision(RelocationCase c, CaseService.Revision r, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate start = r.startDate() == null ? c.getStartDate() : r.startDate();
        LocalDate end = r.endDate() == null ? c.getEndDate() : r.endDate();
        if (r.startDate() != null && r.startDate().isBefore(today)) {
            errors.put("revisedStartDate", "must not be in the past");
        }
        if (end != null && !end.isAfter(start)) {
            errors.put(r.endDate() != null ? "revisedEndDate" : "revisedStartDate", "must leave the end date after the start date");
        }
        if (r.hostCity() != null && r.hostCity().length() > 100) {
            errors.put("revisedHostCity", "must be at most 100 characters");
        }
        if (r.budgetAmount() != null && (r.budgetAmount().signum() < 0 || r.budgetAmount().compareTo(MAX_BUDGET) > 0
                || r.budgetAmount().stripTrailingZeros().scale() > 2)) {
            errors.put("revisedBudgetAmount", "must be 0 to 100000000 with at most 2 decimals");
        }
        return errors;
    }

    private static void text(Map<String, String> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.put(field, "is required");
        } else if (value.length() > max) {
            errors.put(field, "must be at most " + max + " characters");
        }
    }

    private static void country(Map<String, String> errors, String field, String value) {
        if (value == null || !COUNTRIES.contains(value)) {
            errors.put(field, "must be an ISO 3166-1 alpha-2 country code such as DE");
        }
    }
}
