package org.relocation.vendor.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.relocation.vendor.Vendor;
import org.relocation.vendor.VendorRate;
import org.relocation.vendor.VendorTerms;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the vendor register's API reads and writes. The callback secret is write-only: sent when registering (required)
 * or changing it, never returned ({@code callbackSecretSet} says one is stored).
 */
final class VendorViews {

    private VendorViews() {
    }

    /** One contracted rate: unitPrice in the vendor's currency per unit. */
    @Schema(name = "VendorRate")
    record Rate(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "NIGHT") VendorRate.Unit unit,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", maximum = "999999999.99", example = "145.00",
                        description = "In the vendor's currency, at most 2 decimals") BigDecimal unitPrice) {
        VendorTerms.Rate terms() {
            return new VendorTerms.Rate(unit, unitPrice);
        }

        static Rate of(VendorRate r) {
            return new Rate(r.getUnit(), r.getUnitPrice());
        }
    }

    /** A vendor to register: its code (its callback path, never changed) and its contract. */
    @Schema(name = "VendorRegistration")
    record Registration(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^[a-z0-9][a-z0-9-]{1,39}$", example = "berlin-homes",
                    description = "Its identifier and callback path (POST /api/vendor-callbacks/{code}); not a service category's "
                            + "name; never changes") String code,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 120, example = "Berlin Homes GmbH",
                    description = "Unique whatever its case") String name,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "housing", description = "The service category") String service,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String country,
            @Schema(maxLength = 100, example = "Berlin", description = "The one city served; absent: the whole country") String city,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The currency of its rates") String currency,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "At least one; one per unit") List<Rate> rates,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "8760", example = "4",
                    description = "SLA: clock hours from an order to its acknowledgement") Integer acknowledgementHours,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "365", example = "2",
                    description = "SLA: business days from an order to its confirmation") Integer confirmationBusinessDays,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "365", example = "10",
                    description = "SLA: business days from an order to its delivery; not before the confirmation") Integer deliveryBusinessDays,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "uri", maxLength = 500, example = "https://orders.berlin-homes.example/relocation",
                    description = "Where its orders are posted (absolute http or https URL)") String endpointUrl,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, writeOnly = true, minLength = 16, maxLength = 200, format = "password",
                    example = "s3cret-shared-with-the-vendor", description = "The HMAC secret that signs its orders and callbacks; "
                    + "write-only, never returned") String callbackSecret,
            @Schema(defaultValue = "true", description = "Whether new orders may go to it") Boolean active) {
        VendorTerms terms() {
            return new VendorTerms(name, service, country, city, currency, rates == null ? null
                    : rates.stream().map(r -> r == null ? null : r.terms()).toList(),
                    acknowledgementHours, confirmationBusinessDays, deliveryBusinessDays, endpointUrl, callbackSecret, active);
        }
    }

    /** A vendor's new contract, replacing the current one (its code stays; a left-out callbackSecret keeps the current). */
    @Schema(name = "VendorContractUpdate")
    record Update(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 120, example = "Berlin Homes GmbH") String name,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "housing") String service,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String country,
            @Schema(maxLength = 100, example = "Berlin", description = "The one city served; absent: the whole country") String city,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String currency,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "At least one; one per unit") List<Rate> rates,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "8760", example = "4",
                    description = "SLA: clock hours from an order to its acknowledgement") Integer acknowledgementHours,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "365", example = "2",
                    description = "SLA: business days from an order to its confirmation") Integer confirmationBusinessDays,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "365", example = "10",
                    description = "SLA: business days from an order to its delivery") Integer deliveryBusinessDays,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "uri", maxLength = 500, example = "https://orders.berlin-homes.example/relocation") String endpointUrl,
            @Schema(writeOnly = true, minLength = 16, maxLength = 200, format = "password", example = "a-new-shared-secret-2027",
                    description = "A new HMAC secret; absent: the current one is kept") String callbackSecret,
            @Schema(defaultValue = "true", description = "Whether new orders may go to it (absent: active)") Boolean active) {
        VendorTerms terms() {
            return new VendorTerms(name, service, country, city, currency, rates == null ? null
                    : rates.stream().map(r -> r == null ? null : r.terms()).toList(),
                    acknowledgementHours, confirmationBusinessDays, deliveryBusinessDays, endpointUrl, callbackSecret, active);
        }
    }

    /** A registered vendor and its contract; never its callback secret. */
    @Schema(name = "RegisteredVendor")
    record Details(long id, String code, String name, String service, String country,
                   @Schema(description = "The one city served; absent: the whole country") String city,
                   String currency, List<Rate> rates,
                   @Schema(description = "SLA in clock hours") int acknowledgementHours,
                   @Schema(description = "SLA in business days") int confirmationBusinessDays,
                   @Schema(description = "SLA in business days") int deliveryBusinessDays,
                   String endpointUrl,
                   @Schema(description = "Whether a callback secret is stored (always, once registered); the secret itself is never returned")
                   boolean callbackSecretSet,
                   boolean active, Instant createdAt, String createdBy, Instant updatedAt,
                   @Schema(description = "Who last changed it") String updatedBy) {
        static Details of(Vendor v) {
            return new Details(v.getId(), v.getCode(), v.getName(), v.getCategory(), v.getCountry(), v.getCity(), v.getCurrency(),
                    v.getRates().stream().map(Rate::of).toList(), v.getAcknowledgementHours(), v.getConfirmationBusinessDays(),
                    v.getDeliveryBusinessDays(), v.getEndpointUrl(), true, v.isActive(), v.getCreatedAt(), v.getCreatedBy(),
                    v.getUpdatedAt(), v.getUpdatedBy());
        }
    }

    @Schema(name = "RegisteredVendors")
    record Listing(List<Details> vendors) {
    }
}
