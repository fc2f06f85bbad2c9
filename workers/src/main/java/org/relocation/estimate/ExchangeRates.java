package org.relocation.estimate;

import org.relocation.relocationcase.Money;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Currency;

/** Converts money between currencies through the configured rates (relative to the rate card currency). */
@Component
public class ExchangeRates {

    private final EstimateProperties properties;

    ExchangeRates(EstimateProperties properties) {
        this.properties = properties;
    }

    public Money convert(Money money, Currency to) {
        if (money.currency().equals(to)) {
            return money;
        }
        BigDecimal fromRate = rate(money.currency().getCurrencyCode());
        BigDecimal toRate = rate(to.getCurrencyCode());
        return new Money(money.amount().divide(fromRate, MathContext.DECIMAL64).multiply(toRate), to);
    }

    BigDecimal rate(String currency) {
        BigDecimal rate = properties.getExchangeRates().get(currency);
        if (rate == null) {
            throw new MissingExchangeRateException(properties.getCurrency(), currency);
        }
        return rate;
    }
}
