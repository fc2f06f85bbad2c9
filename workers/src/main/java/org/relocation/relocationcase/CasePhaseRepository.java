package org.relocation.relocationcase;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

public interface CasePhaseRepository extends JpaRepository<CasePhase, Long> {

    // JPQL, not a derived query: Hibernate keeps the plan of a JPQL string, a derived query is translated again on every call
    @Query("select p from CasePhase p where p.caseId = ?1 order by p.id")
    List<CasePhase> findByCaseIdOrderById(Long caseId);

    @Query("select p from CasePhase p where p.caseId = ?1 and p.phase = ?2 and p.completedAt is null order by p.id desc limit 1")
    Optional<CasePhase> findFirstByCaseIdAndPhaseAndCompletedAtIsNullOrderByIdDesc(Long caseId, String phase);
}
