package org.relocation.destination;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

interface LeaseRepository extends JpaRepository<Lease, Long> {

    Optional<Lease> findByCaseId(Long caseId);
}
