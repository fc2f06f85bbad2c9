package org.relocation.policy;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface PolicyDecisionRepository extends JpaRepository<PolicyDecision, Long> {

    List<PolicyDecision> findByCaseIdOrderById(Long caseId);

    /** The first evaluation of a table for a case: its version is the one the case keeps. */
    Optional<PolicyDecision> findFirstByCaseIdAndDecisionKeyOrderByIdAsc(Long caseId, String decisionKey);

    Optional<PolicyDecision> findFirstByCaseIdAndDecisionKeyOrderByIdDesc(Long caseId, String decisionKey);
}
