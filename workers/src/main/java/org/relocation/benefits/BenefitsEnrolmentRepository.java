package org.relocation.benefits;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

interface BenefitsEnrolmentRepository extends JpaRepository<BenefitsEnrolment, Long> {

    Optional<BenefitsEnrolment> findByCaseId(Long caseId);
}
