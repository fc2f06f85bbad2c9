package org.relocation.tax;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One tax table to load ({@link TaxTableService#load}): a country's brackets (lowest first, the first from 0) and the
 * employee's social-security rate with its annual ceiling ({@code null}: none), in the country's currency, in effect
 * from {@code effectiveFrom}.
 */
public record TaxTableRow(String country, String currency, LocalDate effectiveFrom, String name, List<TaxBracket> brackets,
                          BigDecimal socialSecurityRate, BigDecimal socialSecurityCeiling) {
}
