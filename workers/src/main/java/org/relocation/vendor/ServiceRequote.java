package org.relocation.vendor;

import java.util.List;

/**
 * A service that can be re-quoted when its vendor misses an SLA (docs/journey.md "Vendor SLAs"): the feature that
 * requests quotes for the service implements it as a bean. The specialists' resolve-vendor-delay form offers re-quote
 * only for an order whose bean's {@link #plan} says it is possible now.
 */
public interface ServiceRequote {

    /**
     * What a re-quote of an order would do now: the vendors that would be asked for quotes (names, in the order they are
     * asked), or why it is not possible (a sentence for the specialist; then nothing may change).
     */
    record Plan(List<String> vendors, String refusal) {

        public static Plan refused(String why) {
            return new Plan(List.of(), why);
        }

        public boolean possible() {
            return refusal == null;
        }
    }

    /** Whether this feature re-quotes orders of the service type. */
    boolean covers(ServiceType type);

    /** Whether the order can be re-quoted now and from whom (read only). */
    Plan plan(ServiceOrder order);

    /**
     * Requests new quotes for the order's service after {@link VendorSlas} withdrew the order (an order the vendor
     * refused stays refused): the waiting process goes back to its quotes, the vendor chosen on them receives a new
     * order. Called in the transaction of the specialist's form completion, only when {@link #plan} said possible.
     */
    void requote(ServiceOrder order);
}
