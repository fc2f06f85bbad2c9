package org.relocation.document;

import org.springframework.data.repository.Repository;

import java.util.List;

interface DocumentAccessRepository extends Repository<DocumentAccess, Long> {

    DocumentAccess save(DocumentAccess entry);

    List<DocumentAccess> findByDocumentIdOrderByOccurredAtAscIdAsc(Long documentId);
}
