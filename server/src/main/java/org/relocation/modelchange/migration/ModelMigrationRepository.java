package org.relocation.modelchange.migration;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface ModelMigrationRepository extends JpaRepository<ModelMigration, Long> {

    List<ModelMigration> findBySourceDefinitionIdAndStatus(String sourceDefinitionId, ModelMigration.Status status);

    Page<ModelMigration> findAllByOrderByIdDesc(Pageable page);
}
