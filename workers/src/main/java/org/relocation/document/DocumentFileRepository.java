package org.relocation.document;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.Optional;

interface DocumentFileRepository extends Repository<DocumentFile, Long> {

    DocumentFile save(DocumentFile file);

    /** The current (highest) version of a document's file. */
    Optional<DocumentFile> findFirstByDocumentIdOrderByVersionDesc(Long documentId);

    @Query("select coalesce(max(f.version), 0) from DocumentFile f where f.documentId = :documentId")
    int latestVersion(Long documentId);

    /** The current file of every document of a case that has one, without content. */
    @Query("""
            select new org.relocation.document.FileSummary(f.id, f.documentId, f.version, f.contentType, f.sizeBytes, f.sha256,
                   f.uploadedBy, f.uploadedAt)
            from DocumentFile f
            where f.caseId = :caseId
              and f.version = (select max(g.version) from DocumentFile g where g.documentId = f.documentId)
            order by f.documentId""")
    List<FileSummary> currentFilesOfCase(Long caseId);
}
