package org.relocation.vendor;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A vendor's answer to an order: CONFIRMED (housing, shipment); from immigration counsel SUBMITTED,
 * INFO_REQUESTED (with a {@code note} saying what is needed), APPROVED (with the permit's number and validity)
 * or REFUSED (with the reason in {@code note}).
 */
public record VendorCallback(String reference, String status, String vendorReference, BigDecimal costAmount,
                             String costCurrency, String permitNumber, LocalDate validFrom, LocalDate validUntil, String note) {
}
