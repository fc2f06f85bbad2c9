package org.relocation.demo;

import org.relocation.tax.TaxBracket;
import org.relocation.tax.TaxTableRow;
import org.relocation.tax.TaxTableService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Demo (and tests, which run with the demo profile): ILLUSTRATIVE tax tables for the demo's home and host countries
 * (GB, DE, NL, FR, US, BR, JP, SG, IN), effective 2026-01-01 (GB from its tax year's start, 2026-04-06), loaded as
 * finance would. They are simplified from the shape of each country's rules (one employee social-security rate with
 * one ceiling, no allowances, credits, local taxes or filing status) and are NOT tax advice: production loads real
 * tables through POST /api/tax-tables. Idempotent: tables already loaded are skipped.
 */
@Component
@Profile("demo") // never without the demo profile, whatever relocation.demo.* says (platform/configuration)
@ConditionalOnProperty(name = "relocation.demo.enabled", havingValue = "true")
class DemoTaxTables {

    private static final Logger log = LoggerFactory.getLogger(DemoTaxTables.class);
    static final String SOURCE = "Demo tax tables (illustrative, not tax advice)";
    static final LocalDate JAN = LocalDate.of(2026, 1, 1);

    /** country, currency, effective from, brackets "lowerBound:rate, ...", social-security rate, ceiling (null: none). */
    static final List<TaxTableRow> TABLES = List.of(
            table("GB", "GBP", LocalDate.of(2026, 4, 6), "0:0, 12570:0.20, 50270:0.40, 125140:0.45", "0.08", "50270"),
            table("DE", "EUR", JAN, "0:0, 12096:0.14, 17443:0.24, 68480:0.42, 277826:0.45", "0.20", "96600"),
            table("NL", "EUR", JAN, "0:0.3582, 38883:0.3748, 78426:0.495", "0", null),
            table("FR", "EUR", JAN, "0:0, 11497:0.11, 29315:0.30, 83823:0.41, 180294:0.45", "0.22", null),
            table("US", "USD", JAN, "0:0.10, 11925:0.12, 48475:0.22, 103350:0.24, 197300:0.32, 250525:0.35, 626350:0.37", "0.0765", "176100"),
            table("BR", "BRL", JAN, "0:0, 27110.40:0.075, 33919.80:0.15, 45012.60:0.225, 55976.16:0.275", "0.14", "97848"),
            table("JP", "JPY", JAN, "0:0.05, 1950000:0.10, 3300000:0.20, 6950000:0.23, 9000000:0.33, 18000000:0.40, 40000000:0.45", "0.15", "16000000"),
            table("SG", "SGD", JAN, "0:0, 20000:0.02, 30000:0.035, 40000:0.07, 80000:0.115, 120000:0.15, 160000:0.18, 200000:0.19, "
                    + "240000:0.195, 280000:0.20, 320000:0.22, 500000:0.23, 1000000:0.24", "0.20", "102000"),
            table("IN", "INR", JAN, "0:0, 400000:0.05, 800000:0.10, 1200000:0.15, 1600000:0.20, 2000000:0.25, 2400000:0.30", "0.12", "180000"));

    private final TaxTableService tables;

    DemoTaxTables(TaxTableService tables) {
        this.tables = tables;
    }

    private static TaxTableRow table(String country, String currency, LocalDate from, String brackets, String ssRate, String ceiling) {
        List<TaxBracket> list = new ArrayList<>();
        for (String b : brackets.split(",")) {
            String[] p = b.trim().split(":");
            list.add(new TaxBracket(new BigDecimal(p[0]), new BigDecimal(p[1])));
        }
        return new TaxTableRow(country, currency, from, country + " income tax " + from.getYear() + " (illustrative)", list,
                new BigDecimal(ssRate), ceiling == null ? null : new BigDecimal(ceiling));
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(6) // after the exchange rates (5), before DemoCases (10)
    void load() {
        List<TaxTableRow> missing = TABLES.stream().filter(t -> !tables.isLoaded(t.country(), t.effectiveFrom())).toList();
        if (missing.isEmpty()) {
            return;
        }
        try {
            tables.load(SOURCE, missing, "demo");
            log.info("Demo tax tables loaded (illustrative): {} countries", missing.size());
        } catch (DataIntegrityViolationException e) {
            log.info("Demo tax tables were loaded by another node at the same moment");
        }
    }
}
