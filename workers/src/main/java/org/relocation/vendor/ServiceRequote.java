package org.relocation.vendor;

/**
 * A service that can be re-quoted when its vendor misses an SLA (docs/journey.md "Vendor SLAs"): the feature that
 * requests quotes for the service implements it as a bean. The specialists' resolve-vendor-delay form offers re-quote
 * only for the service types a bean exists for.
 */
public interface ServiceRequote {

    /** The service type this feature re-quotes. */
    ServiceType serviceType();

    /**
     * Requests new quotes for the order's service (the order stays open until the new choice replaces it). Called in
     * the transaction of the specialist's form completion.
     */
    void requote(ServiceOrder order);
}
