package org.relocation.relocationcase;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface TimelineRepository extends JpaRepository<TimelineEntry, Long> {

    List<TimelineEntry> findByCaseIdOrderByOccurredAtAscIdAsc(Long caseId);
}
