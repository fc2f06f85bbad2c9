package org.relocation.estimate;

/** The rate card cannot be converted into the case's currency: an operator must configure the rate. */
public class MissingExchangeRateException extends RuntimeException {
    public MissingExchangeRateException(String from, String to) {
        super("No exchange rate configured from " + from + " to " + to + " (relocation.estimate.exchange-rates." + to + ")");
    }
}
