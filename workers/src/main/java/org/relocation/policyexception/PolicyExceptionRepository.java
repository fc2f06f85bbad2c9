package org.relocation.policyexception;

import org.relocation.relocationcase.CaseScope;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

public interface PolicyExceptionRepository extends JpaRepository<PolicyException, Long> {

    List<PolicyException> findByCaseIdOrderById(Long caseId);

    // JPQL, not a derived query: Hibernate keeps the plan of a JPQL string, a derived query is translated again on every call
    @Query("select e from PolicyException e where e.caseId = ?1 and e.status = ?2 order by e.id")
    List<PolicyException> findByCaseIdAndStatusOrderById(Long caseId, PolicyException.Status status);

    /** The exceptions matching the filters, of the cases the scope lets its reader see; the scope is part of the query. */
    @Query("""
            select e from PolicyException e, RelocationCase c
            where c.id = e.caseId
              and (:caseId is null or e.caseId = :caseId) and (:category is null or e.category = :category)
              and (:costCentre is null or e.costCentre = :costCentre) and (:status is null or e.status = :status)
              and e.requestedAt >= :from and e.requestedAt < :to
              and """ + CaseScope.CONDITION + " order by e.requestedAt, e.id")
    List<PolicyException> search(@Param("caseId") Long caseId, @Param("category") String category,
                                 @Param("costCentre") String costCentre, @Param("status") PolicyException.Status status,
                                 @Param("from") Instant from, @Param("to") Instant to,
                                 @Param("scopeAll") boolean all, @Param("scopeEmployee") String employeeUserId,
                                 @Param("scopeActor") String actor, @Param("scopeCaseNumbers") Collection<String> caseNumbers,
                                 @Param("scopeCostCentres") Collection<String> costCentres, Pageable page);

    default List<PolicyException> search(Long caseId, String category, String costCentre, PolicyException.Status status,
                                         Instant from, Instant to, CaseScope scope, Pageable page) {
        return search(caseId, category, costCentre, status, from, to, scope.all(), scope.employeeUserId(), scope.actor(),
                scope.caseNumbersParameter(), scope.costCentresParameter(), page);
    }

    /** The exceptions asked in [from, to) on the cases the scope lets its reader see. */
    @Query("""
            select e from PolicyException e, RelocationCase c
            where c.id = e.caseId and e.requestedAt >= :from and e.requestedAt < :to
              and """ + CaseScope.CONDITION)
    List<PolicyException> requestedBetween(@Param("from") Instant from, @Param("to") Instant to,
                                           @Param("scopeAll") boolean all, @Param("scopeEmployee") String employeeUserId,
                                           @Param("scopeActor") String actor, @Param("scopeCaseNumbers") Collection<String> caseNumbers,
                                           @Param("scopeCostCentres") Collection<String> costCentres);

    default List<PolicyException> requestedBetween(Instant from, Instant to, CaseScope scope) {
        return requestedBetween(from, to, scope.all(), scope.employeeUserId(), scope.actor(), scope.caseNumbersParameter(),
                scope.costCentresParameter());
    }
}
