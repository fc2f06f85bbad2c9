package org.relocation.document;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A piece of a file's ciphertext, at most {@link #MAX_BYTES}. Pieces keep every statement small: MySQL
 * Connector/J sends binary parameters hex-encoded (twice their size) on a utf8mb4 connection, so one 10 MB
 * value would need a {@code max_allowed_packet} above 20 MB, and MariaDB's default is 16 MB.
 */
@Entity
@Table(name = "document_file_chunk")
class DocumentFileChunk {

    /** 1 MiB: about 2 MiB on the wire, within every MySQL/MariaDB default {@code max_allowed_packet} (4 MB and up). */
    static final int MAX_BYTES = 1024 * 1024;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long fileId;
    private int chunkIndex;

    @Column(nullable = false)
    private byte[] ciphertext;

    protected DocumentFileChunk() {
    }

    DocumentFileChunk(Long fileId, int chunkIndex, byte[] ciphertext) {
        this.fileId = fileId;
        this.chunkIndex = chunkIndex;
        this.ciphertext = ciphertext;
    }
}
