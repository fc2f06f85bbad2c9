package org.relocation.housing;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

interface KickoffCallRepository extends JpaRepository<KickoffCall, Long> {

    Optional<KickoffCall> findByCaseId(Long caseId);
}
