package org.relocation.fx;

import javax.money.MonetaryAmount;

/** An amount converted ({@code converted}, rounded to the target currency's minor units) and the rate that was used. */
public record Conversion(MonetaryAmount converted, AppliedRate rate) {
}
