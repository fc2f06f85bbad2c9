package org.relocation.immigration;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface CaseDocumentRepository extends JpaRepository<CaseDocument, Long> {
    List<CaseDocument> findByCaseIdOrderById(Long caseId);

    Optional<CaseDocument> findByTravellerIdAndDocumentType(Long travellerId, String documentType);
}
