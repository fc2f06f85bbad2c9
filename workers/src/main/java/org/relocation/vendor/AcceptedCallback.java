package org.relocation.vendor;

import java.util.Map;

/** A callback recorded on its order; the caller correlates {@code messageName} to the case's process. */
public record AcceptedCallback(Long caseId, String caseNumber, ServiceType serviceType, ServiceOrder.Status answer,
                               String messageName, Map<String, Object> variables) {
}
