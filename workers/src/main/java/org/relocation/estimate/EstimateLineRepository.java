package org.relocation.estimate;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;

public interface EstimateLineRepository extends JpaRepository<EstimateLine, Long> {
    List<EstimateLine> findByCaseIdOrderById(Long caseId);

    @Modifying(flushAutomatically = true, clearAutomatically = false)
    @Query("delete from EstimateLine l where l.caseId = :caseId")
    void deleteByCaseId(@Param("caseId") Long caseId);
}
