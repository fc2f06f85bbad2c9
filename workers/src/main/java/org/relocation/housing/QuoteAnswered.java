package org.relocation.housing;

/**
 * A quote answer recorded on its quote; {@code allAnswered}: it was the last open quote of the request, and the case's
 * housing process is told with the message {@value HousingQuotes#ANSWERED_MESSAGE}; {@code anyReceived}: a quote of the
 * request was received (the process's variable {@value HousingQuotes#RECEIVED_VARIABLE}: choose one, or order without).
 */
public record QuoteAnswered(Long caseId, String caseNumber, String status, boolean allAnswered, boolean anyReceived) {
}
