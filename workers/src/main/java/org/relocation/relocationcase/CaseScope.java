package org.relocation.relocationcase;

import java.util.Collection;
import java.util.Set;

/**
 * Which cases a reader may see, applied inside the queries (so paging and counts stay right): every case, or only
 * those matching one of its grounds: the reader is the case's employee ({@code employeeUserId}); the reader is the
 * case's named line manager ({@code actor}), from intake on, before any approval reaches them; the reader acted on
 * the case (a step on its timeline or an entry of its decision log by {@code actor}: a task completed, an approval,
 * an exception asked or decided); the case has a task the reader holds or may claim ({@code caseNumbers}); the case
 * belongs to one of the reader's cost centres ({@code costCentres}). A scope with no ground matches nothing.
 */
public record CaseScope(boolean all, String employeeUserId, String actor, Set<String> caseNumbers, Set<String> costCentres) {

    /** Never equal to a case number or a cost centre: stands in for an empty list, which not every database takes in "in (...)". */
    private static final Set<String> NONE = Set.of("");

    public CaseScope {
        caseNumbers = caseNumbers == null ? Set.of() : Set.copyOf(caseNumbers);
        costCentres = costCentres == null ? Set.of() : Set.copyOf(costCentres);
    }

    public static CaseScope everything() {
        return new CaseScope(true, null, null, Set.of(), Set.of());
    }

    public static CaseScope nothing() {
        return new CaseScope(false, null, null, Set.of(), Set.of());
    }

    /** The query parameter for the case numbers: never empty. */
    public Collection<String> caseNumbersParameter() {
        return caseNumbers.isEmpty() ? NONE : caseNumbers;
    }

    /** The query parameter for the cost centres: never empty. */
    public Collection<String> costCentresParameter() {
        return costCentres.isEmpty() ? NONE : costCentres;
    }

    /**
     * The JPQL condition on a {@code RelocationCase c}, with the parameters {@code scopeAll}, {@code scopeEmployee},
     * {@code scopeActor}, {@code scopeCaseNumbers} and {@code scopeCostCentres}.
     */
    public static final String CONDITION = """
            (:scopeAll = true
              or c.employeeUserId = :scopeEmployee
              or c.lineManagerUserId = :scopeActor
              or exists (select e.id from TimelineEntry e where e.caseId = c.id and e.actor = :scopeActor)
              or exists (select d.id from DecisionLogEntry d where d.caseId = c.id and d.actor = :scopeActor)
              or c.caseNumber in :scopeCaseNumbers
              or c.costCentre in :scopeCostCentres)""";
}
