package org.relocation.vendor;

/**
 * A vendor answered an order (given to the {@link ProviderAnswerRouting} of its service type): in the callback's
 * transaction, so a listener's writes commit or roll back with the answer. {@code note} is the vendor's own text.
 */
public record VendorAnswerReceived(Long caseId, String orderReference, ServiceType serviceType, ServiceOrder.Status answer, String note) {
}
