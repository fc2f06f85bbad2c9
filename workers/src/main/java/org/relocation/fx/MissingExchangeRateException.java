package org.relocation.fx;

import javax.money.CurrencyUnit;
import java.time.LocalDate;

/**
 * No exchange rate from one currency to another is in effect on a day: not the pair, not its inverse and not a cross
 * rate through the reporting currency. Finance must load one (POST /api/exchange-rates, docs/operations.md).
 */
public class MissingExchangeRateException extends RuntimeException {

    private final CurrencyUnit from;
    private final CurrencyUnit to;
    private final LocalDate on;

    public MissingExchangeRateException(CurrencyUnit from, CurrencyUnit to, LocalDate on, CurrencyUnit reportingCurrency) {
        super("No exchange rate from " + from.getCurrencyCode() + " to " + to.getCurrencyCode() + " in effect on " + on
                + " (neither " + from.getCurrencyCode() + "/" + to.getCurrencyCode() + ", its inverse, nor a cross rate through "
                + reportingCurrency.getCurrencyCode() + "): finance must load one");
        this.from = from;
        this.to = to;
        this.on = on;
    }

    public CurrencyUnit getFrom() { return from; }
    public CurrencyUnit getTo() { return to; }
    public LocalDate getOn() { return on; }
}
