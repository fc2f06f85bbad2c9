package org.relocation.expense;

/** The caller may not read the receipt: 403; the refusal is in the receipt's access log. */
public class ReceiptAccessDeniedException extends RuntimeException {
    ReceiptAccessDeniedException() {
        super("Access to this receipt is not allowed");
    }
}
