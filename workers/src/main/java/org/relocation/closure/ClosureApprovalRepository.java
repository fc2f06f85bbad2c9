package org.relocation.closure;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

interface ClosureApprovalRepository extends JpaRepository<ClosureApproval, Long> {

    Optional<ClosureApproval> findByCaseId(Long caseId);
}
