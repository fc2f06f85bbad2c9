package org.relocation.relocationcase;

import java.time.LocalDate;

/**
 * Published by {@link CaseService} when a case's assignment dates changed (a revision of the intake, a moved start
 * date): what they were and what they are now (end null: open-ended). Features that planned work by the assignment's
 * dates follow it (tax returns per tax year: {@code tax.TaxProviderOrders#assignmentChanged}). Ids and dates only.
 */
public record AssignmentDatesChanged(Long caseId, LocalDate previousStart, LocalDate previousEnd, LocalDate start, LocalDate end) {
}
