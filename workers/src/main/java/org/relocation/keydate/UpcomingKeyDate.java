package org.relocation.keydate;

import org.relocation.relocationcase.CaseStatus;
import org.relocation.relocationcase.Relationship;

import java.time.LocalDate;

/** A key date with what a list across cases needs of its case and traveller (no names). */
public record UpcomingKeyDate(Long id, Long caseId, String caseNumber, CaseStatus caseStatus, String hostCountry,
                              Long travellerId, Relationship relationship, String kind, LocalDate dueDate, String note,
                              String processInstanceId) {
}
