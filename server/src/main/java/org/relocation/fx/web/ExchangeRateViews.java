package org.relocation.fx.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.relocation.fx.AppliedRate;
import org.relocation.fx.ExchangeRate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the exchange-rate API reads and writes. Rates are decimal numbers (a JSON number or a string such as "1.0850"). */
final class ExchangeRateViews {

    private ExchangeRateViews() {
    }

    /** A load: where the rates come from, and the rates. */
    @Schema(name = "ExchangeRateLoad")
    record LoadRequest(String source, List<Row> rates) {
    }

    /** 1 baseCurrency = rate quoteCurrency from effectiveFrom (YYYY-MM-DD) on. */
    @Schema(name = "ExchangeRateRow")
    record Row(String baseCurrency, String quoteCurrency, BigDecimal rate, LocalDate effectiveFrom) {
    }

    @Schema(name = "ExchangeRatesLoaded")
    record Loaded(int loaded, List<Rate> rates) {
    }

    @Schema(name = "ExchangeRate")
    record Rate(long id, String baseCurrency, String quoteCurrency, BigDecimal rate, LocalDate effectiveFrom, String source,
                String loadedBy, Instant loadedAt) {
        static Rate of(ExchangeRate r) {
            return new Rate(r.getId(), r.getBaseCurrency(), r.getQuoteCurrency(), plain(r.getRate()), r.getEffectiveFrom(),
                    r.getSource(), r.getLoadedBy(), r.getLoadedAt());
        }
    }

    /** The rate applied on a day; effectiveFrom is absent for the same currency (rate 1). */
    @Schema(name = "AppliedExchangeRate")
    record Applied(String baseCurrency, String quoteCurrency, BigDecimal rate, LocalDate effectiveFrom, LocalDate on) {
        static Applied of(AppliedRate r) {
            return new Applied(r.base().getCurrencyCode(), r.quote().getCurrencyCode(), plain(r.rate()), r.effectiveFrom(), r.on());
        }
    }

    /** Without trailing zeros (1.085, not 1.0850000000) and never in exponent form. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }
}
