package org.relocation.relocationcase;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An intake as it arrives, from the case API or the Tasklist start form, before validation.
 * {@link IntakeValidator} names every bad field; {@link CaseService#register} accepts only a valid intake.
 * The grade level (1-12, 12 most senior) drives eligibility and the policy tier; the annual base salary is personal
 * data kept only in the case records (the cost-of-living allowance is a share of it), never in a process variable.
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
        List<Dependent> dependents) {

    public CaseIntake {
        dependents = dependents == null ? List.of() : List.copyOf(dependents);
    }

    public record Dependent(String relationship, String fullName, String nationality, LocalDate birthDate) {
    }
}
