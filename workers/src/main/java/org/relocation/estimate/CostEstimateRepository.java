package org.relocation.estimate;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

public interface CostEstimateRepository extends JpaRepository<CostEstimate, Long> {

    List<CostEstimate> findByCaseIdOrderByVersionAsc(Long caseId);

    // JPQL, not a derived query: Hibernate keeps the plan of a JPQL string, a derived query is translated again on every call
    @Query("select e from CostEstimate e where e.caseId = ?1 order by e.version desc limit 1")
    Optional<CostEstimate> findFirstByCaseIdOrderByVersionDesc(Long caseId);

    /** The latest version of every case. */
    @Query("select e from CostEstimate e where e.version = (select max(x.version) from CostEstimate x where x.caseId = e.caseId)")
    List<CostEstimate> findLatestOfEveryCase();

    /** The latest approved version of every case that has one (committed spend). */
    @Query("select e from CostEstimate e where e.approvedAt is not null"
            + " and e.version = (select max(x.version) from CostEstimate x where x.caseId = e.caseId and x.approvedAt is not null)")
    List<CostEstimate> findLatestApprovedOfEveryCase();
}
