package org.relocation.immigration;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface KeyDateRepository extends JpaRepository<KeyDate, Long> {
    List<KeyDate> findByCaseIdOrderByDueDate(Long caseId);

    Optional<KeyDate> findByCaseIdAndKind(Long caseId, String kind);
}
