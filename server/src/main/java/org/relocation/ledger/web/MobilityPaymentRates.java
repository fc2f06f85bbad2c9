package org.relocation.ledger.web;

import java.math.BigDecimal;

/** Rates as loaded: without trailing zeros, never in exponent form. */
final class MobilityPaymentRates {

    private MobilityPaymentRates() {
    }

    static BigDecimal plain(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
