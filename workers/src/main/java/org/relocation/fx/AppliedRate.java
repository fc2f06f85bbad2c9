package org.relocation.fx;

import javax.money.CurrencyUnit;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The rate applied to convert from {@code base} to {@code quote} on day {@code on}: 1 base = {@code rate} quote. Record
 * it with whatever was converted, so the figure can be explained later.
 * <ul>
 *   <li>{@code effectiveFrom}: the effective date of the loaded row used; for an inverse rate that of the inverse row,
 *   for a cross rate the later of its two legs (the day this combination came into effect); null when base and quote
 *   are the same currency (rate 1).</li>
 *   <li>{@code rate}: a loaded rate as loaded (at most 10 decimals, trailing zeros dropped); an inverse or cross rate
 *   is computed with {@link java.math.MathContext#DECIMAL64} (16 significant digits).</li>
 * </ul>
 */
public record AppliedRate(CurrencyUnit base, CurrencyUnit quote, BigDecimal rate, LocalDate effectiveFrom, LocalDate on) {
}
