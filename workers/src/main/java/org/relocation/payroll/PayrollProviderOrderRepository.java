package org.relocation.payroll;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface PayrollProviderOrderRepository extends JpaRepository<PayrollProviderOrder, Long> {

    List<PayrollProviderOrder> findByInstructionIdOrderById(Long instructionId);

    Optional<PayrollProviderOrder> findByInstructionIdAndPayroll(Long instructionId, PayrollInstructionItem.Payroll payroll);

    Optional<PayrollProviderOrder> findByOrderReference(String orderReference);
}
