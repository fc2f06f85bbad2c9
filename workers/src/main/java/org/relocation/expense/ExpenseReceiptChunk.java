package org.relocation.expense;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A piece of a receipt's ciphertext, at most {@link #MAX_BYTES} (as a document file's pieces, for MySQL's packet limit). */
@Entity
@Table(name = "expense_receipt_chunk")
class ExpenseReceiptChunk {

    static final int MAX_BYTES = 1024 * 1024;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long claimId;
    private int chunkIndex;

    @Column(nullable = false)
    private byte[] ciphertext;

    protected ExpenseReceiptChunk() {
    }

    ExpenseReceiptChunk(Long claimId, int chunkIndex, byte[] ciphertext) {
        this.claimId = claimId;
        this.chunkIndex = chunkIndex;
        this.ciphertext = ciphertext;
    }
}
