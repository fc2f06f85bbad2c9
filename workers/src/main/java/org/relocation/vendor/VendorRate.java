package org.relocation.vendor;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.math.BigDecimal;

/** One contracted rate of a vendor: {@code unitPrice} in the vendor's currency per {@code unit}. */
@Embeddable
public class VendorRate {

    /** What a rate is charged per. */
    public enum Unit { NIGHT, ORDER, HOUR, CUBIC_METRE, MONTH, PERSON }

    @Enumerated(EnumType.STRING)
    @Column(name = "unit")
    private Unit unit;

    @Column(name = "unit_price", precision = 19, scale = 2)
    private BigDecimal unitPrice;

    protected VendorRate() {
    }

    public VendorRate(Unit unit, BigDecimal unitPrice) {
        this.unit = unit;
        this.unitPrice = unitPrice;
    }

    public Unit getUnit() { return unit; }
    public BigDecimal getUnitPrice() { return unitPrice; }
}
