package org.relocation.benefits;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface TravellerEnrolmentRepository extends JpaRepository<TravellerEnrolment, Long> {

    List<TravellerEnrolment> findByCaseIdOrderById(Long caseId);
}
