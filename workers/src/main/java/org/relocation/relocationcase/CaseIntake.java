package org.relocation.relocationcase;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An intake as it arrives, from the case API or the Tasklist start form, before validation.
 * {@link IntakeValidator} names every bad field; {@link CaseService#register} accepts only a valid intake.
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
        List<Dependent> dependents) {

    public CaseIntake {
        dependents = dependents == null ? List.of() : List.copyOf(dependents);
    }

    public record Dependent(String relationship, String fullName, String nationality, LocalDate birthDate) {
    }
}
