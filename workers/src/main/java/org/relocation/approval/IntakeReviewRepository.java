package org.relocation.approval;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface IntakeReviewRepository extends JpaRepository<IntakeReview, Long> {

    List<IntakeReview> findByCaseIdOrderByIdAsc(Long caseId);
}
