package org.relocation.relocationcase;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface TimelineRepository extends JpaRepository<TimelineEntry, Long> {

    List<TimelineEntry> findByCaseIdOrderByOccurredAtAscIdAsc(Long caseId);

    /** Who opened the case (the actor of its CASE_OPENED entry). */
    @org.springframework.data.jpa.repository.Query("select t.actor from TimelineEntry t where t.caseId = :caseId and t.kind = :kind")
    List<String> actorsOf(@org.springframework.data.repository.query.Param("caseId") Long caseId,
                          @org.springframework.data.repository.query.Param("kind") TimelineEntry.Kind kind);
}
