package org.relocation.vendor;

import java.time.LocalDate;
import java.util.Map;

/**
 * A callback recorded on its order; the caller correlates {@code messageName} (null: nothing to correlate)
 * to the case's process, for counsel orders to the traveller's branch.
 */
public record AcceptedCallback(Long caseId, String caseNumber, ServiceType serviceType, ServiceOrder.Status answer,
                               String messageName, Map<String, Object> variables, Long travellerId,
                               String permitNumber, LocalDate validFrom, LocalDate validUntil) {
}
