package org.relocation.tax;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;

/**
 * One progressive income-tax bracket: the part of an annual income from {@code lowerBound} up to the next bracket's
 * lower bound is taxed at {@code rate} (a fraction: 0.42 = 42 %), in the table's currency.
 */
@Embeddable
public record TaxBracket(@Column(name = "lower_bound") BigDecimal lowerBound, @Column(name = "rate") BigDecimal rate) {
}
