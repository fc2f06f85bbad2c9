package org.relocation.payroll;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface PayrollInstructionRepository extends JpaRepository<PayrollInstruction, Long> {

    List<PayrollInstruction> findByCaseIdOrderByInstructionVersion(Long caseId);

    Optional<PayrollInstruction> findFirstByCaseIdOrderByInstructionVersionDesc(Long caseId);

    Optional<PayrollInstruction> findByReference(String reference);

    List<PayrollInstruction> findByStatusInOrderByCaseIdAscInstructionVersionAsc(List<PayrollInstruction.Status> statuses);
}
