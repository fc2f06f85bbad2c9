package org.relocation.payroll;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

import java.util.List;
import java.util.Optional;

interface PayrollInstructionRepository extends JpaRepository<PayrollInstruction, Long> {

    List<PayrollInstruction> findByCaseIdOrderByInstructionVersion(Long caseId);

    Optional<PayrollInstruction> findFirstByCaseIdOrderByInstructionVersionDesc(Long caseId);

    Optional<PayrollInstruction> findByReference(String reference);

    /**
     * The version, its row version raised at commit: two providers' answers to one version committed concurrently fail
     * one of them (a 409 the provider retries), so the last answer always sees every other.
     */
    @Lock(LockModeType.OPTIMISTIC_FORCE_INCREMENT)
    Optional<PayrollInstruction> findLockedById(Long id);

    List<PayrollInstruction> findByStatusInOrderByCaseIdAscInstructionVersionAsc(List<PayrollInstruction.Status> statuses);
}
