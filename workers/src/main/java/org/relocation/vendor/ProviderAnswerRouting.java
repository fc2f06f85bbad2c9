package org.relocation.vendor;

import java.util.Optional;

/**
 * What a provider's answer tells the waiting process, decided by the feature that ordered it (the payroll feature: a
 * version ordered from several payrolls' providers goes on only once all confirmed, or as soon as one refused). Called
 * in the callback's transaction, so the feature's writes commit or roll back with the answer.
 */
public interface ProviderAnswerRouting {

    /** The service type whose answers this feature routes. */
    ServiceType serviceType();

    /** The outcome to correlate (the message's outcome variable), or empty: recorded, nothing to tell the process now. */
    Optional<String> outcome(VendorAnswerReceived answer);
}
