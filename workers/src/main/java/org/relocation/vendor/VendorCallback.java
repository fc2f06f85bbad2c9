package org.relocation.vendor;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A vendor's answer to an order: CONFIRMED (housing, shipment), APPROVED or REFUSED (immigration). */
public record VendorCallback(String reference, String status, String vendorReference, BigDecimal costAmount,
                             String costCurrency, LocalDate validUntil) {
}
