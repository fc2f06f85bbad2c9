package org.relocation.immigration;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

public interface CaseDocumentRepository extends JpaRepository<CaseDocument, Long> {
    // JPQL, not a derived query: Hibernate keeps the plan of a JPQL string, a derived query is translated again on every call
    @Query("select d from CaseDocument d where d.caseId = ?1 order by d.id")
    List<CaseDocument> findByCaseIdOrderById(Long caseId);

    @Query("select d from CaseDocument d where d.travellerId = ?1 and d.documentType = ?2")
    Optional<CaseDocument> findByTravellerIdAndDocumentType(Long travellerId, String documentType);
}
