package org.relocation.modelchange;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

interface DeploymentLogRepository extends JpaRepository<DeploymentLogEntry, Long> {

    Page<DeploymentLogEntry> findAllByOrderByIdDesc(Pageable page);

    boolean existsByDeploymentId(String deploymentId);

    Optional<DeploymentLogEntry> findByDeploymentId(String deploymentId);
}
