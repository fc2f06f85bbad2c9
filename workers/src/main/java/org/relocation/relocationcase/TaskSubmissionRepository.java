package org.relocation.relocationcase;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface TaskSubmissionRepository extends JpaRepository<TaskSubmission, Long> {

    List<TaskSubmission> findByCaseIdOrderByIdAsc(Long caseId);

    List<TaskSubmission> findByCaseIdAndFormIdOrderByIdDesc(Long caseId, String formId);
}
