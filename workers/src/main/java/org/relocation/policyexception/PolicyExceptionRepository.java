package org.relocation.policyexception;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;

public interface PolicyExceptionRepository extends JpaRepository<PolicyException, Long> {

    List<PolicyException> findByCaseIdOrderById(Long caseId);

    // JPQL, not a derived query: Hibernate keeps the plan of a JPQL string, a derived query is translated again on every call
    @Query("select e from PolicyException e where e.caseId = ?1 and e.status = ?2 order by e.id")
    List<PolicyException> findByCaseIdAndStatusOrderById(Long caseId, PolicyException.Status status);

    @Query("select e from PolicyException e where (?1 is null or e.caseId = ?1) and (?2 is null or e.category = ?2)"
            + " and (?3 is null or e.costCentre = ?3) and (?4 is null or e.status = ?4)"
            + " and e.requestedAt >= ?5 and e.requestedAt < ?6 order by e.requestedAt, e.id")
    List<PolicyException> search(Long caseId, String category, String costCentre, PolicyException.Status status,
                                 Instant from, Instant to, Pageable page);

    @Query("select e from PolicyException e where e.requestedAt >= ?1 and e.requestedAt < ?2")
    List<PolicyException> requestedBetween(Instant from, Instant to);
}
