package org.relocation.policy;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

public interface PolicyDecisionRepository extends JpaRepository<PolicyDecision, Long> {

    List<PolicyDecision> findByCaseIdOrderById(Long caseId);

    /** The first evaluation of a table for a case: its version is the one the case keeps. */
    // JPQL, not a derived query: Hibernate keeps the plan of a JPQL string, a derived query is translated again on every call
    @Query("select d from PolicyDecision d where d.caseId = ?1 and d.decisionKey = ?2 order by d.id asc limit 1")
    Optional<PolicyDecision> findFirstByCaseIdAndDecisionKeyOrderByIdAsc(Long caseId, String decisionKey);

    @Query("select d from PolicyDecision d where d.caseId = ?1 and d.decisionKey = ?2 order by d.id desc limit 1")
    Optional<PolicyDecision> findFirstByCaseIdAndDecisionKeyOrderByIdDesc(Long caseId, String decisionKey);

    /** How many open cases a decision version holds: a case keeps the version of its first evaluation of each table. */
    interface PinnedCases {
        String getDefinitionId();

        long getOpenCases();
    }

    /** Per decision definition id: the open (IN_PROGRESS) cases pinned to it by their first evaluation of its table. */
    @Query("select d.definitionId as definitionId, count(distinct d.caseId) as openCases from PolicyDecision d"
            + " where d.id in (select min(e.id) from PolicyDecision e group by e.caseId, e.decisionKey)"
            + " and d.caseId in (select c.id from RelocationCase c where c.status = org.relocation.relocationcase.CaseStatus.IN_PROGRESS)"
            + " group by d.definitionId")
    List<PinnedCases> openCasesByVersion();
}
