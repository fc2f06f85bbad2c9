package org.relocation.relocationcase;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An intake as it arrives, from the case API or the Tasklist start form, before validation.
 * {@link IntakeValidator} names every bad field; {@link CaseService#register} accepts only a valid intake.
 * The grade level (1-12, 12 most senior) drives eligibility and the policy tier; the annual base salary is personal
 * data kept only in the case records (the cost-of-living allowance is a share of it), never in a process variable.
 * The line manager (a login of the manager role) decides the manager approval; the mobility specialist (a login of the
 * mobility-specialist role, optional: when absent {@link CaseService#register} picks the one with the fewest open
 * cases) runs the case. Both are checked against the users at registration ({@link CaseStaff}).
 */
public record CaseIntake(
        String employeeName,
        String employeeEmail,
        String employeeUserId,
        String nationality,
        String homeCountry,
        String homeCity,
        String hostCountry,
        String hostCity,
        String assignmentType,
        LocalDate startDate,
        LocalDate endDate,
        String costCentre,
        BigDecimal budgetAmount,
        String budgetCurrency,
        Integer gradeLevel,
        BigDecimal baseSalaryAmount,
        String baseSalaryCurrency,
        List<Dependent> dependents,
        String lineManagerUserId,
        String specialistUserId) {

    public CaseIntake {
        dependents = dependents == null ? List.of() : List.copyOf(dependents);
        lineManagerUserId = blankToNull(lineManagerUserId);
        specialistUserId = blankToNull(specialistUserId);
    }

    /** The same intake with other named people (options advice and tests). */
    public CaseIntake withPeople(String lineManager, String specialist) {
        return new CaseIntake(employeeName, employeeEmail, employeeUserId, nationality, homeCountry, homeCity, hostCountry, hostCity,
                assignmentType, startDate, endDate, costCentre, budgetAmount, budgetCurrency, gradeLevel, baseSalaryAmount,
                baseSalaryCurrency, dependents, lineManager, specialist);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public record Dependent(String relationship, String fullName, String nationality, LocalDate birthDate) {
    }
}
