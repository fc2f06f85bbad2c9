package org.relocation.audit;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

interface DecisionLogEntryRepository extends JpaRepository<DecisionLogEntry, Long> {

    List<DecisionLogEntry> findByCaseIdOrderBySequence(Long caseId);

    // JPQL, not a derived query: Hibernate keeps the plan of a JPQL string, a derived query is translated again on every call
    @Query("select e from DecisionLogEntry e where e.caseId = ?1 order by e.sequence desc limit 1")
    Optional<DecisionLogEntry> findFirstByCaseIdOrderBySequenceDesc(Long caseId);
}
