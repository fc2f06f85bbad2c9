package org.relocation.expense;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

interface ExpenseReceiptChunkRepository extends Repository<ExpenseReceiptChunk, Long> {

    ExpenseReceiptChunk save(ExpenseReceiptChunk chunk);

    @Query("select c.ciphertext from ExpenseReceiptChunk c where c.claimId = :claimId order by c.chunkIndex")
    List<byte[]> pieces(Long claimId);

    default void store(Long claimId, byte[] ciphertext) {
        for (int index = 0, from = 0; from < ciphertext.length; index++, from += ExpenseReceiptChunk.MAX_BYTES) {
            save(new ExpenseReceiptChunk(claimId, index, Arrays.copyOfRange(ciphertext, from, Math.min(ciphertext.length, from + ExpenseReceiptChunk.MAX_BYTES))));
        }
    }

    default byte[] ciphertext(Long claimId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pieces(claimId).forEach(out::writeBytes);
        return out.toByteArray();
    }
}
