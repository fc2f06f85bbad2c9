package org.relocation.demo;

import org.relocation.fx.ExchangeRateService;
import org.relocation.fx.RateRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import javax.money.Monetary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Demo (and tests, which run with the demo profile): plausible, illustrative EUR rates effective 2026-01-01 and
 * 2026-10-01 to the currencies of the demo's host and home countries, loaded as finance would before the demo cases are
 * opened ({@link DemoCases} runs after this). Idempotent: rows already loaded are skipped, so a restart loads nothing.
 * Not market data: production loads real rates through POST /api/exchange-rates.
 */
@Component
@Profile("demo") // never without the demo profile, whatever relocation.demo.* says (platform/configuration)
@ConditionalOnProperty(name = "relocation.demo.enabled", havingValue = "true")
class DemoExchangeRates {

    private static final Logger log = LoggerFactory.getLogger(DemoExchangeRates.class);
    static final String SOURCE = "Demo rates (illustrative, not market data)";
    static final String BASE = "EUR";

    /** 1 EUR in each currency, per effective date. */
    static final Map<LocalDate, Map<String, String>> RATES = new LinkedHashMap<>();

    static {
        Map<String, String> january = new LinkedHashMap<>();
        january.put("USD", "1.1720");
        january.put("GBP", "0.8735");
        january.put("CHF", "0.9310");
        january.put("SGD", "1.5120");
        january.put("JPY", "183.50");
        january.put("CAD", "1.6110");
        january.put("AUD", "1.7560");
        january.put("AED", "4.3042"); // pegged at 3.6725 per USD
        january.put("INR", "105.40");
        january.put("CNY", "8.2450");
        january.put("BRL", "6.4300");
        RATES.put(LocalDate.of(2026, 1, 1), january);
        Map<String, String> october = new LinkedHashMap<>();
        october.put("USD", "1.1650");
        october.put("GBP", "0.8720");
        october.put("CHF", "0.9350");
        october.put("SGD", "1.5080");
        october.put("JPY", "176.40");
        october.put("CAD", "1.6250");
        october.put("AUD", "1.7720");
        october.put("AED", "4.2785");
        october.put("INR", "103.90");
        october.put("CNY", "8.3150");
        october.put("BRL", "6.2800");
        RATES.put(LocalDate.of(2026, 10, 1), october);
    }

    private final ExchangeRateService rates;

    DemoExchangeRates(ExchangeRateService rates) {
        this.rates = rates;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(5) // before DemoCases (10): the demo cases' estimates find their rates
    void load() {
        List<RateRow> missing = new ArrayList<>();
        RATES.forEach((effectiveFrom, quotes) -> quotes.forEach((quote, rate) -> {
            if (!rates.isLoaded(Monetary.getCurrency(BASE), Monetary.getCurrency(quote), effectiveFrom)) {
                missing.add(new RateRow(BASE, quote, new BigDecimal(rate), effectiveFrom));
            }
        }));
        if (missing.isEmpty()) {
            return;
        }
        try {
            rates.load(SOURCE, missing, "demo");
            log.info("Demo exchange rates loaded: {} EUR rates effective {}", missing.size(), RATES.keySet());
        } catch (DataIntegrityViolationException e) {
            log.info("Demo exchange rates were loaded by another node at the same moment");
        }
    }
}
