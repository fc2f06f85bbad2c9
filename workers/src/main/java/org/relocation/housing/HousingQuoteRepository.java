package org.relocation.housing;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface HousingQuoteRepository extends JpaRepository<HousingQuote, Long> {

    List<HousingQuote> findByCaseIdOrderById(Long caseId);

    List<HousingQuote> findByRequestKeyOrderById(String requestKey);

    Optional<HousingQuote> findByReference(String reference);
}
