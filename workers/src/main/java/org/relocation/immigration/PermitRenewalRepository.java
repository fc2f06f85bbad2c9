package org.relocation.immigration;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface PermitRenewalRepository extends JpaRepository<PermitRenewal, Long> {

    List<PermitRenewal> findByCaseIdOrderById(Long caseId);
}
