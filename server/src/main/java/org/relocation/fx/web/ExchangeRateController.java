package org.relocation.fx.web;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.relocation.fx.ExchangeRateService;
import org.relocation.fx.InvalidExchangeRatesException;
import org.relocation.fx.RateRow;
import org.relocation.platform.web.BadRequestException;
import org.relocation.platform.web.Paged;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import javax.money.CurrencyUnit;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exchange rates maintained by finance (docs/operations.md "Exchange rates"): loading a batch of effective-dated rates,
 * the rate in effect for a pair on a day (direct, inverse or cross through the reporting currency), and the history of
 * a base currency.
 */
@RestController
@RequestMapping("/api/exchange-rates")
@Tag(name = "Exchange rates", description = "Effective-dated exchange rates loaded by finance, used to convert costs")
class ExchangeRateController {

    private static final String READERS = "hasAnyRole('finance','admin','mobility-specialist','manager')";
    private static final String WRITERS = "hasAnyRole('finance','admin')";
    private static final int MAX_PAGE_SIZE = 200;

    private final ExchangeRateService rates;
    private final Clock clock;

    ExchangeRateController(ExchangeRateService rates, Clock clock) {
        this.rates = rates;
        this.clock = clock;
    }

    @PostMapping
    @PreAuthorize(WRITERS)
    @Operation(operationId = "loadExchangeRates", summary = "Load exchange rates (all or nothing)",
            description = "Body {source, rates: [{baseCurrency, quoteCurrency, rate, effectiveFrom}]}: 1 baseCurrency = rate "
                    + "quoteCurrency from effectiveFrom on. 201 with the rows written. Any bad row is a 400 problem naming each "
                    + "bad field (rates[2].quoteCurrency ...) and nothing is written. Loaded rates are never changed: a pair "
                    + "and effective date already loaded is refused.")
    @ApiResponse(responseCode = "201", description = "Loaded, every row", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "A rate of the same pair and day was loaded at the same moment; nothing written")
    ResponseEntity<ExchangeRateViews.Loaded> load(@RequestBody ExchangeRateViews.LoadRequest body, Authentication user) {
        if (body == null) {
            throw new BadRequestException(Map.of("body", "is required"));
        }
        List<RateRow> rows = body.rates() == null ? null : body.rates().stream()
                .map(r -> r == null ? null : new RateRow(r.baseCurrency(), r.quoteCurrency(), r.rate(), r.effectiveFrom()))
                .toList();
        try {
            List<ExchangeRateViews.Rate> loaded = rates.load(body.source(), rows, user.getName()).stream()
                    .map(ExchangeRateViews.Rate::of).toList();
            String base = loaded.get(0).baseCurrency();
            return ResponseEntity.created(URI.create("/api/exchange-rates?base=" + base))
                    .body(new ExchangeRateViews.Loaded(loaded.size(), loaded));
        } catch (InvalidExchangeRatesException e) {
            throw new BadRequestException(e.getFieldErrors());
        }
    }

    @GetMapping("/applied")
    @PreAuthorize(READERS)
    @Operation(operationId = "getAppliedExchangeRate", summary = "The rate from base to quote in effect on a day (default today, UTC)",
            description = "The pair's latest rate effective on or before the day; else 1 / the inverse pair's; else a cross rate "
                    + "through the reporting currency. 404 problem when there is none, 400 for bad parameters. Also answered at "
                    + "GET /api/exchange-rates?base=&quote=&on= (the same path as the list, so not an operation of its own here).")
    @ApiResponse(responseCode = "200", description = "The rate applied", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No rate in effect for the pair on that day, directly, inversely or across")
    ExchangeRateViews.Applied applied(@RequestParam(required = false) String base, @RequestParam(required = false) String quote,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<CurrencyUnit> from = currency("base", base, errors);
        Optional<CurrencyUnit> to = currency("quote", quote, errors);
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        LocalDate day = on != null ? on : LocalDate.now(clock);
        return ExchangeRateViews.Applied.of(rates.rate(from.orElseThrow(), to.orElseThrow(), day));
    }

    /** The first address of {@link #applied}, kept for its callers; one path cannot hold two operations in the document. */
    @GetMapping(params = "quote")
    @PreAuthorize(READERS)
    @Hidden
    ExchangeRateViews.Applied appliedByQuery(@RequestParam(required = false) String base, @RequestParam String quote,
                                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return applied(base, quote, on);
    }

    @GetMapping(params = "!quote")
    @PreAuthorize(READERS)
    @Operation(operationId = "listExchangeRates", summary = "The rates loaded from a base currency, newest effective date first (paged, at most 200 a page)")
    Paged<ExchangeRateViews.Rate> history(@RequestParam(required = false) String base,
                                                           @Parameter(hidden = true) @RequestParam(required = false) String on,
                                                           @RequestParam(defaultValue = "0") int page,
                                                           @RequestParam(defaultValue = "50") int size) {
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<CurrencyUnit> from = currency("base", base, errors);
        if (on != null) {
            errors.put("on", "needs quote (the rate in effect on a day is asked for a pair)");
        }
        Paged.check(page, size, MAX_PAGE_SIZE, errors);
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        var result = rates.history(from.orElseThrow(), page, size);
        return Paged.of(result.getContent().stream().map(ExchangeRateViews.Rate::of).toList(), page, size, result);
    }

    private static Optional<CurrencyUnit> currency(String field, String code, Map<String, String> errors) {
        if (code == null || code.isBlank()) {
            errors.put(field, "is required (an ISO 4217 currency code such as EUR)");
            return Optional.empty();
        }
        Optional<CurrencyUnit> unit = ExchangeRateService.currency(code);
        if (unit.isEmpty()) {
            errors.put(field, "is not an ISO 4217 currency code (three capital letters, such as EUR)");
        }
        return unit;
    }
}
