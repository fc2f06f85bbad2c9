package org.relocation.quote;

import java.math.BigDecimal;

/**
 * A vendor's answer to a quote request (POST /api/vendor-callbacks/{vendor}/quotes, signed like every callback):
 * {@code QUOTED} with the price for the whole item asked (the stay, the shipment, the service) in {@code currency} and the vendor's {@code terms}, or {@code DECLINED}
 * with a {@code note} saying why.
 */
public record QuoteAnswer(String reference, String status, BigDecimal price, String currency, String terms, String note) {
}
