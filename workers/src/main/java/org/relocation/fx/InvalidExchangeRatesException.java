package org.relocation.fx;

import java.util.Map;

/** A load of exchange rates refused: each bad field (e.g. {@code rates[2].quoteCurrency}) with its reason; nothing was written. */
public class InvalidExchangeRatesException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidExchangeRatesException(Map<String, String> fieldErrors) {
        super("Invalid exchange rates: " + String.join(", ", fieldErrors.keySet()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> getFieldErrors() {
        return fieldErrors;
    }
}
