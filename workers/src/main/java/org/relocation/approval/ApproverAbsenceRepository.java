package org.relocation.approval;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.LocalDate;
import java.util.List;

public interface ApproverAbsenceRepository extends JpaRepository<ApproverAbsence, Long> {

    @Query("select a from ApproverAbsence a where a.userId = ?1 and a.firstDay <= ?2 and a.lastDay >= ?2 order by a.id desc")
    List<ApproverAbsence> covering(String userId, LocalDate day);

    @Query("select a from ApproverAbsence a where a.userId = ?1 and a.lastDay >= ?2 and a.firstDay <= ?3")
    List<ApproverAbsence> overlapping(String userId, LocalDate firstDay, LocalDate lastDay);

    @Query("select a from ApproverAbsence a where a.lastDay >= ?1 order by a.firstDay, a.id")
    List<ApproverAbsence> currentAndFuture(LocalDate today);
}
