package org.relocation.benefits;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

interface InternationalCoverageRepository extends JpaRepository<InternationalCoverage, Long> {

    Optional<InternationalCoverage> findByCaseId(Long caseId);
}
