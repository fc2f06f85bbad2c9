package org.relocation.relocationcase;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface CasePhaseRepository extends JpaRepository<CasePhase, Long> {

    List<CasePhase> findByCaseIdOrderById(Long caseId);

    Optional<CasePhase> findFirstByCaseIdAndPhaseAndCompletedAtIsNullOrderByIdDesc(Long caseId, String phase);
}
