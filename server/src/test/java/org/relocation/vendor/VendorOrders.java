package org.relocation.vendor;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Service orders with fixed timestamps for delivery and performance tests, written as the vendor flow would. */
public final class VendorOrders {

    private VendorOrders() {
    }

    /**
     * Terms of a vendor serving only a city no test's case is in (a country-wide vendor would take other tests' orders).
     */
    static VendorTerms terms(String code, String service, String country, int confirmationDays, int deliveryDays, BigDecimal orderRate) {
        return new VendorTerms("Vendor " + code, service, country, "Nowhere Rated", "EUR",
                java.util.List.of(new VendorTerms.Rate(VendorRate.Unit.ORDER, orderRate)), 4, confirmationDays, deliveryDays,
                "https://orders.example/" + code, "secret-of-" + code + "-0123456789", true);
    }

    /** An order sent at {@code requestedAt} to the vendor (null: the category's configured endpoint), still unanswered. */
    public static ServiceOrder sent(ServiceOrderRepository orders, long caseId, ServiceType type, Vendor vendor, String requestedAt) {
        String key = UUID.randomUUID().toString().substring(0, 12);
        VendorEndpoint endpoint = vendor == null ? new VendorEndpoint(null, type.vendor(), "https://orders.example/endpoint", "s")
                : new VendorEndpoint(vendor.getId(), vendor.getCode(), vendor.getEndpointUrl(), "s");
        ServiceOrder o = new ServiceOrder(caseId, null, type, endpoint, "T-" + key, "test-" + key, "test order", Instant.parse(requestedAt));
        o.sent();
        return orders.save(o);
    }

    /** The order as placed on an accepted quote of that amount. */
    public static ServiceOrder quoted(ServiceOrderRepository orders, ServiceOrder o, String amount, String currency) {
        o.quoted("HQ-" + o.getReference(), new BigDecimal(amount), currency);
        return orders.save(o);
    }

    /** The order answered at {@code answeredAt} with the status and cost (null: none). */
    public static ServiceOrder answered(ServiceOrderRepository orders, ServiceOrder o, ServiceOrder.Status status, String answeredAt,
                                 String cost, String currency) {
        o.answered(status, new VendorCallback(o.getReference(), status.name(), null, cost == null ? null : new BigDecimal(cost),
                currency, null, null, null, status == ServiceOrder.Status.REFUSED ? "fully booked" : null), Instant.parse(answeredAt));
        return orders.save(o);
    }
}
