package org.relocation.quote;

import org.relocation.vendor.ServiceType;

/**
 * A quote answer recorded on its quote: the case, the quoted item and its service. {@code allAnswered}: it was the last
 * open quote of the request, and the process waiting for the quotes is told ({@link ServiceQuotes#answeredMessage});
 * {@code anyReceived}: a quote of the request was received (choose one, or order without).
 */
public record QuoteAnswered(Long caseId, String caseNumber, ServiceType serviceType, String item, String status,
                            boolean allAnswered, boolean anyReceived) {
}
