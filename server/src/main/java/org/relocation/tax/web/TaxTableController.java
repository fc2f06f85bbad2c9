package org.relocation.tax.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.relocation.platform.web.BadRequestException;
import org.relocation.platform.web.Paged;
import org.relocation.tax.InvalidTaxTablesException;
import org.relocation.tax.TaxBracket;
import org.relocation.tax.TaxTableRow;
import org.relocation.tax.TaxTableService;
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

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tax tables maintained by finance (docs/pay-and-tax.md "Tax tables"): loading a batch of effective-dated tables (all or
 * nothing), the table of a country in effect on a day, and the tables loaded. Finance and admin load; mobility
 * specialists and HR administration read too (the tables hold no personal data); employees and managers may not.
 */
@RestController
@RequestMapping("/api/tax-tables")
@Tag(name = "Tax", description = "Effective-dated tax tables per country loaded by finance; hypothetical tax, gross-up and "
        + "tax-equalisation settlement previews")
class TaxTableController {

    static final String READERS = "hasAnyRole('finance','admin','mobility-specialist','hr-admin')";
    static final String WRITERS = "hasAnyRole('finance','admin')";
    private static final int MAX_PAGE_SIZE = 100;

    private final TaxTableService tables;
    private final Clock clock;

    TaxTableController(TaxTableService tables, Clock clock) {
        this.tables = tables;
        this.clock = clock;
    }

    @PostMapping
    @PreAuthorize(WRITERS)
    @Operation(operationId = "loadTaxTables", summary = "Load tax tables (all or nothing)",
            description = "Body {source, tables: [{country, currency, effectiveFrom, name, brackets: [{lowerBound, rate}], "
                    + "socialSecurity: {employeeRate, annualCeiling}}]}. 201 with the tables written. Any bad field is a 400 "
                    + "problem naming it (tables[1].brackets[2].rate, tables[0].socialSecurity.annualCeiling, ...) and nothing is "
                    + "written. Loaded tables are never changed: a country and effective date already loaded is refused. "
                    + "Finance and admin only.")
    @ApiResponse(responseCode = "201", description = "Loaded, every table", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "A table of the same country and day was loaded at the same moment; nothing written")
    ResponseEntity<TaxViews.Loaded> load(@RequestBody TaxViews.LoadRequest body, Authentication user) {
        if (body == null) {
            throw new BadRequestException(Map.of("body", "is required"));
        }
        List<TaxTableRow> rows = body.tables() == null ? null : body.tables().stream().map(TaxTableController::row).toList();
        try {
            List<TaxViews.Table> loaded = tables.load(body.source(), rows, user.getName()).stream().map(TaxViews.Table::of).toList();
            return ResponseEntity.created(URI.create("/api/tax-tables?country=" + loaded.get(0).country()))
                    .body(new TaxViews.Loaded(loaded.size(), loaded));
        } catch (InvalidTaxTablesException e) {
            throw new BadRequestException(e.getFieldErrors());
        }
    }

    private static TaxTableRow row(TaxViews.TableDefinition t) {
        if (t == null) {
            return null;
        }
        List<TaxBracket> brackets = t.brackets() == null ? null : t.brackets().stream()
                .map(b -> b == null ? null : new TaxBracket(b.lowerBound(), b.rate())).toList();
        return new TaxTableRow(t.country(), t.currency(), t.effectiveFrom(), t.name(), brackets,
                t.socialSecurity() == null ? null : t.socialSecurity().employeeRate(),
                t.socialSecurity() == null ? null : t.socialSecurity().annualCeiling());
    }

    @GetMapping("/in-effect")
    @PreAuthorize(READERS)
    @Operation(operationId = "getTaxTableInEffect", summary = "The country's tax table in effect on a day (default today, UTC)",
            description = "The country's table with the latest effective date on or before the day. 404 problem when there is none.")
    @ApiResponse(responseCode = "200", description = "The table in effect", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No table of the country in effect on that day")
    TaxViews.Table inEffect(@RequestParam(required = false) String country,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        Map<String, String> errors = new LinkedHashMap<>();
        checkCountry(country, true, errors);
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        return TaxViews.Table.of(tables.inEffect(country, on != null ? on : LocalDate.now(clock)));
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(operationId = "listTaxTables", summary = "The tax tables loaded, of one country or all (paged, at most 100 a page)",
            description = "Newest effective date first (every country: by country, then newest first).")
    Paged<TaxViews.Table> history(@Parameter(description = "Only this country's tables") @RequestParam(required = false) String country,
                                  @RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "20") int size) {
        Map<String, String> errors = new LinkedHashMap<>();
        checkCountry(country, false, errors);
        Paged.check(page, size, MAX_PAGE_SIZE, errors);
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        var result = tables.history(country, page, size);
        return Paged.of(result.getContent().stream().map(TaxViews.Table::of).toList(), page, size, result);
    }

    static void checkCountry(String country, boolean required, Map<String, String> errors) {
        if (country == null || country.isBlank()) {
            if (required) {
                errors.put("country", "is required (an ISO 3166-1 alpha-2 code such as DE)");
            }
        } else if (!TaxTableService.isCountry(country)) {
            errors.put("country", "is not an ISO 3166-1 alpha-2 country code (two capital letters, such as DE)");
        }
    }
}
