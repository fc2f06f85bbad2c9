package org.relocation.vendor;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A vendor's answer reported what its service cost (the invoice of the order): published in the callback's transaction,
 * so a listener's writes (the payments ledger's vendor invoice) commit or roll back with the answer.
 */
public record VendorCostReported(Long caseId, Long orderId, String orderReference, ServiceType serviceType, BigDecimal amount,
                                 String currency, LocalDate reportedOn) {
}
