package org.relocation.relocationcase;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Optional;

public interface CaseRepository extends JpaRepository<RelocationCase, Long> {

    Optional<RelocationCase> findByCaseNumber(String caseNumber);

    @Query("select c.id from RelocationCase c where c.createdAt >= ?1 and c.createdAt < ?2")
    java.util.Set<Long> idsOpenedBetween(java.time.Instant from, java.time.Instant to);

    java.util.List<RelocationCase> findByStatusAndClosedAtBetween(CaseStatus status, java.time.Instant from, java.time.Instant to);

    @Query("""
            select c from RelocationCase c
            where (:status is null or c.status = :status)
              and (:hostCountry is null or c.hostCountry = :hostCountry)
              and (:employeeUserId is null or c.employeeUserId = :employeeUserId)
              and (:phase is null or exists (select p from CasePhase p where p.caseId = c.id and p.phase = :phase and p.completedAt is null))
            """)
    Page<RelocationCase> search(@Param("status") CaseStatus status, @Param("phase") String phase,
                                @Param("hostCountry") String hostCountry, @Param("employeeUserId") String employeeUserId,
                                Pageable pageable);
}
