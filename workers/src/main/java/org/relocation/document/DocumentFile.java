package org.relocation.document;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One uploaded version of a checklist document's file: what it is, who uploaded it, and how it was encrypted
 * ({@link DocumentCipher}: key id and IV). The ciphertext itself is in {@link DocumentFileChunk}s. A re-upload
 * adds a version; the highest version is the current file.
 */
@Entity
@Table(name = "document_file")
class DocumentFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long documentId;
    private Long caseId;
    private int version;
    private String contentType;
    private long sizeBytes;
    private String sha256;
    private String keyId;
    private byte[] iv;

    private String uploadedBy;
    private Instant uploadedAt;

    protected DocumentFile() {
    }

    DocumentFile(Long documentId, Long caseId, int version, FileType type, long sizeBytes, String sha256,
                 DocumentCipher.Sealed sealed, String uploadedBy, Instant uploadedAt) {
        this.documentId = documentId;
        this.caseId = caseId;
        this.version = version;
        this.contentType = type.contentType();
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.keyId = sealed.keyId();
        this.iv = sealed.iv();
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    DocumentCipher.Sealed sealed(byte[] ciphertext) {
        return new DocumentCipher.Sealed(keyId, iv, ciphertext);
    }

    FileSummary summary() {
        return new FileSummary(id, documentId, version, contentType, sizeBytes, sha256, uploadedBy, uploadedAt);
    }

    Long getId() { return id; }
    Long getDocumentId() { return documentId; }
    int getVersion() { return version; }
    String getContentType() { return contentType; }
    long getSizeBytes() { return sizeBytes; }
    String getSha256() { return sha256; }
}
