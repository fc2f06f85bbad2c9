package org.relocation.audit;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface DecisionLogEntryRepository extends JpaRepository<DecisionLogEntry, Long> {

    List<DecisionLogEntry> findByCaseIdOrderBySequence(Long caseId);

    Optional<DecisionLogEntry> findFirstByCaseIdOrderBySequenceDesc(Long caseId);
}
