package org.relocation.vendor;

import java.math.BigDecimal;
import java.util.List;

/**
 * What HR administration or finance registers about a vendor: the service category ({@link ServiceType#categories()}),
 * country (ISO 3166 alpha-2) and optionally city it covers, its rates in its currency (ISO 4217), its SLAs
 * (acknowledgement in clock hours, confirmation and delivery in business days), its endpoint URL and callback secret
 * (required when registering; null on an update keeps the current one), and whether it is active (null: active).
 */
public record VendorTerms(String name, String service, String country, String city, String currency, List<Rate> rates,
                          Integer acknowledgementHours, Integer confirmationBusinessDays, Integer deliveryBusinessDays,
                          String endpointUrl, String callbackSecret, Boolean active) {

    /** {@code unitPrice} in the vendor's currency per {@code unit}. */
    public record Rate(VendorRate.Unit unit, BigDecimal unitPrice) {
    }

    @Override
    public String toString() {
        return "VendorTerms[" + name + " " + service + " " + country + "]"; // never the secret
    }
}
