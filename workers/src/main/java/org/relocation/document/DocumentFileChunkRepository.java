package org.relocation.document;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

interface DocumentFileChunkRepository extends Repository<DocumentFileChunk, Long> {

    DocumentFileChunk save(DocumentFileChunk chunk);

    @Query("select c.ciphertext from DocumentFileChunk c where c.fileId = :fileId order by c.chunkIndex")
    List<byte[]> pieces(Long fileId);

    /** Stores a file's ciphertext in pieces of at most {@link DocumentFileChunk#MAX_BYTES}. */
    default void store(Long fileId, byte[] ciphertext) {
        for (int index = 0, from = 0; from < ciphertext.length; index++, from += DocumentFileChunk.MAX_BYTES) {
            save(new DocumentFileChunk(fileId, index, Arrays.copyOfRange(ciphertext, from, Math.min(ciphertext.length, from + DocumentFileChunk.MAX_BYTES))));
        }
    }

    /** A file's whole ciphertext, its pieces joined in order. */
    default byte[] ciphertext(Long fileId) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        pieces(fileId).forEach(joined::writeBytes);
        return joined.toByteArray();
    }
}
