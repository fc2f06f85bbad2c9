package org.relocation.vendor;

/** Outbound port to vendors; a failure is technical (retried by the worker, then an incident). */
public interface VendorGateway {
    /** Sends the order to the endpoint, signed with its secret. */
    void send(VendorEndpoint endpoint, VendorRequest request);
}
