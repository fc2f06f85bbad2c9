package org.relocation.immigration;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface RightToWorkCheckRepository extends JpaRepository<RightToWorkCheck, Long> {
    List<RightToWorkCheck> findByCaseIdOrderById(Long caseId);

    boolean existsByCaseId(Long caseId);
}
