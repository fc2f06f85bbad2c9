package org.relocation.relocationcase;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.Optional;

public interface CaseRepository extends JpaRepository<RelocationCase, Long> {

    Optional<RelocationCase> findByCaseNumber(String caseNumber);

    /** Per specialist of those given, how many cases in progress they run (a specialist with none is absent). */
    @Query("select c.specialistUserId, count(c) from RelocationCase c where c.specialistUserId in :specialists and c.status = :status "
            + "group by c.specialistUserId")
    java.util.List<Object[]> countBySpecialist(@Param("specialists") Collection<String> specialists, @Param("status") CaseStatus status);

    @Query("select c.id from RelocationCase c where c.createdAt >= :from and c.createdAt < :to and " + CaseScope.CONDITION)
    java.util.Set<Long> idsOpenedBetween(@Param("from") java.time.Instant from, @Param("to") java.time.Instant to,
                                         @Param("scopeAll") boolean all, @Param("scopeEmployee") String employeeUserId,
                                         @Param("scopeActor") String actor, @Param("scopeCaseNumbers") Collection<String> caseNumbers,
                                         @Param("scopeCostCentres") Collection<String> costCentres);

    /** The ids of the cases opened in [from, to) that the scope lets its reader see. */
    default java.util.Set<Long> idsOpenedBetween(java.time.Instant from, java.time.Instant to, CaseScope scope) {
        return idsOpenedBetween(from, to, scope.all(), scope.employeeUserId(), scope.actor(), scope.caseNumbersParameter(),
                scope.costCentresParameter());
    }

    java.util.List<RelocationCase> findByStatusAndClosedAtBetween(CaseStatus status, java.time.Instant from, java.time.Instant to);

    @Query("""
            select c from RelocationCase c
            where (:status is null or c.status = :status)
              and (:hostCountry is null or c.hostCountry = :hostCountry)
              and (:phase is null or exists (select p from CasePhase p where p.caseId = c.id and p.phase = :phase and p.completedAt is null))
              and """ + CaseScope.CONDITION)
    Page<RelocationCase> search(@Param("status") CaseStatus status, @Param("phase") String phase,
                                @Param("hostCountry") String hostCountry, @Param("scopeAll") boolean all,
                                @Param("scopeEmployee") String employeeUserId, @Param("scopeActor") String actor,
                                @Param("scopeCaseNumbers") Collection<String> caseNumbers,
                                @Param("scopeCostCentres") Collection<String> costCentres, Pageable pageable);

    /** The cases matching the filters that the scope lets its reader see; the filtering is part of the query. */
    default Page<RelocationCase> search(CaseStatus status, String phase, String hostCountry, CaseScope scope, Pageable pageable) {
        return search(status, phase, hostCountry, scope.all(), scope.employeeUserId(), scope.actor(), scope.caseNumbersParameter(),
                scope.costCentresParameter(), pageable);
    }

    @Query("select count(c) from RelocationCase c where c.id = :id and " + CaseScope.CONDITION)
    long countReadable(@Param("id") Long id, @Param("scopeAll") boolean all, @Param("scopeEmployee") String employeeUserId,
                       @Param("scopeActor") String actor, @Param("scopeCaseNumbers") Collection<String> caseNumbers,
                       @Param("scopeCostCentres") Collection<String> costCentres);

    default boolean readable(Long id, CaseScope scope) {
        return countReadable(id, scope.all(), scope.employeeUserId(), scope.actor(), scope.caseNumbersParameter(),
                scope.costCentresParameter()) > 0;
    }
}
