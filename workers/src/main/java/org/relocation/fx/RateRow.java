package org.relocation.fx;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One exchange rate to load: 1 {@code baseCurrency} = {@code rate} {@code quoteCurrency} from {@code effectiveFrom} on. */
public record RateRow(String baseCurrency, String quoteCurrency, BigDecimal rate, LocalDate effectiveFrom) {
}
