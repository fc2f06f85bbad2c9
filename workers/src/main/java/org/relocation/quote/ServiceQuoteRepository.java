package org.relocation.quote;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface ServiceQuoteRepository extends JpaRepository<ServiceQuote, Long> {

    List<ServiceQuote> findByCaseIdOrderById(Long caseId);

    List<ServiceQuote> findByCaseIdAndItemOrderById(Long caseId, String item);

    List<ServiceQuote> findByRequestKeyOrderById(String requestKey);

    Optional<ServiceQuote> findByReference(String reference);
}
