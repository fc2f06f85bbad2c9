package org.relocation.housing;

/**
 * A quote answer recorded on its quote; {@code allAnswered}: it was the last open quote of the request, and the case's
 * housing process is told with the message {@value HousingQuotes#ANSWERED_MESSAGE}.
 */
public record QuoteAnswered(Long caseId, String caseNumber, String status, boolean allAnswered) {
}
