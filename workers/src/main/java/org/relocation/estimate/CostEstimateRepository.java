package org.relocation.estimate;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface CostEstimateRepository extends JpaRepository<CostEstimate, Long> {

    List<CostEstimate> findByCaseIdOrderByVersionAsc(Long caseId);

    Optional<CostEstimate> findFirstByCaseIdOrderByVersionDesc(Long caseId);

    /** The latest version of every case. */
    @Query("select e from CostEstimate e where e.version = (select max(x.version) from CostEstimate x where x.caseId = e.caseId)")
    List<CostEstimate> findLatestOfEveryCase();

    /** The latest approved version of every case approved in a period (committed spend). */
    @Query("select e from CostEstimate e where e.approvedAt is not null and e.approvedAt >= ?1 and e.approvedAt < ?2"
            + " and e.version = (select max(x.version) from CostEstimate x where x.caseId = e.caseId and x.approvedAt is not null)")
    List<CostEstimate> findLatestApprovedBetween(Instant from, Instant to);
}
