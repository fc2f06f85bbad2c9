package org.relocation.modelchange.migration;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface ModelMigrationInstanceRepository extends JpaRepository<ModelMigrationInstance, Long> {

    List<ModelMigrationInstance> findByMigrationIdOrderById(Long migrationId);
}
