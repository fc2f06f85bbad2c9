package org.relocation.document;

import java.time.Instant;

/** What is known about a stored file without its content: version, type, size, digest of the plaintext, who and when. */
public record FileSummary(Long fileId, Long documentId, int version, String contentType, long sizeBytes, String sha256,
                          String uploadedBy, Instant uploadedAt) {
}
