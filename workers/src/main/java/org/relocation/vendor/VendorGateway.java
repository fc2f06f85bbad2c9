package org.relocation.vendor;

/** Outbound port to vendors; a failure is technical (retried by the worker, then an incident). */
public interface VendorGateway {
    void send(String vendor, VendorRequest request);
}
