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
              and (:caseNumber is null or upper(c.caseNumber) = :caseNumber)
              and (:numberPrefix is null or upper(c.caseNumber) like :numberPrefix or lower(c.hostCity) like :cityPrefix)
              and (:mine is null or c.specialistUserId = :mine or c.lineManagerUserId = :mine
                   or exists (select o.id from TimelineEntry o where o.caseId = c.id and o.kind = :opened and o.actor = :mine))
              and """ + CaseScope.CONDITION)
    Page<RelocationCase> find(@Param("status") CaseStatus status, @Param("phase") String phase,
                              @Param("hostCountry") String hostCountry, @Param("caseNumber") String caseNumber,
                              @Param("numberPrefix") String numberPrefix, @Param("cityPrefix") String cityPrefix,
                              @Param("mine") String mine, @Param("opened") TimelineEntry.Kind opened, @Param("scopeAll") boolean all,
                              @Param("scopeEmployee") String employeeUserId, @Param("scopeActor") String actor,
                              @Param("scopeCaseNumbers") Collection<String> caseNumbers,
                              @Param("scopeCostCentres") Collection<String> costCentres, Pageable pageable);

    /**
     * The workspace's search, inside the scope: an exact case number (any letter case), a prefix of the case number or
     * of the host city ({@code q}), and "mine" (the user is the case's specialist or line manager, or opened it). A
     * null filter is no filter.
     */
    default Page<RelocationCase> search(CaseSearch filter, CaseScope scope, Pageable pageable) {
        String q = filter.q();
        return find(filter.status(), filter.phase(), filter.hostCountry(),
                filter.caseNumber() == null ? null : filter.caseNumber().toUpperCase(java.util.Locale.ROOT),
                q == null ? null : q.toUpperCase(java.util.Locale.ROOT) + "%", q == null ? null : q.toLowerCase(java.util.Locale.ROOT) + "%",
                filter.mine(), TimelineEntry.Kind.CASE_OPENED, scope.all(), scope.employeeUserId(), scope.actor(),
                scope.caseNumbersParameter(), scope.costCentresParameter(), pageable);
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
