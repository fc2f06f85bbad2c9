package org.relocation.payroll;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

interface PayrollSetupRepository extends JpaRepository<PayrollSetup, Long> {

    Optional<PayrollSetup> findByCaseId(Long caseId);
}
