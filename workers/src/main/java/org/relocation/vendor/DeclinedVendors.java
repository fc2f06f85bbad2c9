package org.relocation.vendor;

import java.util.Set;

/**
 * The vendors that declined to quote a service for a case (the feature that requests quotes implements it as a bean): a
 * switch to the next vendor after a missed SLA or a refusal passes over them ({@link VendorSlas#nextVendor}).
 */
public interface DeclinedVendors {

    /** The ids of the vendors that declined a quote of the service for the case (and, where per traveller, the traveller). */
    Set<Long> declined(Long caseId, ServiceType type, Long travellerId);
}
