package org.relocation.tax.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.relocation.fx.ExchangeRateService;
import org.relocation.platform.web.BadRequestException;
import org.relocation.tax.ActualTax;
import org.relocation.tax.InvalidTaxCalculationException;
import org.relocation.tax.TaxCalculationService;
import org.relocation.tax.TaxTableService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import javax.money.CurrencyUnit;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Previews of the tax calculations for finance (docs/pay-and-tax.md): the hypothetical tax of a home salary, the gross-up
 * of a taxable allowance, and a tax year's settlement. Nothing is written. POST, so salaries travel in the body, never in
 * a URL or an access log. Finance and admin only.
 */
@RestController
@RequestMapping("/api/tax-calculations")
@Tag(name = "Tax")
class TaxCalculationController {

    static final String CALCULATORS = "hasAnyRole('finance','admin')";

    private final TaxCalculationService calculations;
    private final Clock clock;

    TaxCalculationController(TaxCalculationService calculations, Clock clock) {
        this.calculations = calculations;
        this.clock = clock;
    }

    @PostMapping("/hypothetical-tax")
    @PreAuthorize(CALCULATORS)
    @Operation(operationId = "previewHypotheticalTax", summary = "The hypothetical tax of a home-country salary (nothing written)",
            description = "Income tax plus employee social security of the annual salary with the home country's table in effect "
                    + "on the day (a salary in another currency converted at that day's rate), and its 12 monthly withholdings.")
    @ApiResponse(responseCode = "200", description = "The hypothetical tax", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No tax table of the country (or no exchange rate) in effect on that day")
    TaxViews.HypotheticalTaxResult hypotheticalTax(@RequestBody TaxViews.HypotheticalTaxRequest body) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (body == null) {
            throw new BadRequestException(Map.of("body", "is required"));
        }
        if (!TaxTableService.isCountry(body.homeCountry())) {
            errors.put("homeCountry", "is required: an ISO 3166-1 alpha-2 country code such as GB");
        }
        Optional<CurrencyUnit> currency = currency("currency", body.currency(), errors);
        amount("annualSalary", body.annualSalary(), errors);
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        try {
            return TaxViews.HypotheticalTaxResult.of(calculations.hypotheticalTax(body.homeCountry(),
                    TaxCalculationService.money(body.annualSalary(), currency.orElseThrow()), day(body.on())));
        } catch (InvalidTaxCalculationException e) {
            throw new BadRequestException(e.getFieldErrors());
        }
    }

    @PostMapping("/gross-up")
    @PreAuthorize(CALCULATORS)
    @Operation(operationId = "previewGrossUp", summary = "Gross up a taxable allowance at the marginal rate (nothing written)",
            description = "The gross to pay on top of baseIncome so that the employee keeps netAllowance after income tax and "
                    + "social security, iterated at the marginal rate with the country's table in effect on the day. 422 when it "
                    + "cannot converge (a marginal rate of 100 % or more).")
    @ApiResponse(responseCode = "200", description = "The gross-up", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No tax table of the country in effect on that day")
    @ApiResponse(responseCode = "422", description = "The gross-up did not converge with that table")
    TaxViews.GrossUpResult grossUp(@RequestBody TaxViews.GrossUpRequest body) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (body == null) {
            throw new BadRequestException(Map.of("body", "is required"));
        }
        TaxTableController.checkCountry(body.country(), true, errors);
        Optional<CurrencyUnit> currency = currency("currency", body.currency(), errors);
        amount("baseIncome", body.baseIncome(), errors);
        amount("netAllowance", body.netAllowance(), errors);
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        try {
            return TaxViews.GrossUpResult.of(calculations.grossUp(body.country(),
                    TaxCalculationService.money(body.baseIncome(), currency.orElseThrow()),
                    TaxCalculationService.money(body.netAllowance(), currency.orElseThrow()), day(body.on())));
        } catch (InvalidTaxCalculationException e) {
            Map<String, String> renamed = new LinkedHashMap<>();
            // the amounts are in the request's one currency: a currency other than the table's is the currency's fault
            e.getFieldErrors().forEach((field, message) -> renamed.put(message.startsWith("must be in ") ? "currency" : field, message));
            throw new BadRequestException(renamed);
        }
    }

    @PostMapping("/settlement")
    @PreAuthorize(CALCULATORS)
    @Operation(operationId = "previewTaxSettlement", summary = "A tax year's equalisation or protection settlement (nothing written)",
            description = "EQUALISATION: the employee bears the hypothetical tax; PROTECTION: the lower of it and the actual taxes; "
                    + "LAISSEZ_FAIRE: no settlement. The amount is owed by the employee when what they bore (withheld + actual "
                    + "taxes they paid) falls short of it, to them when it exceeds it.")
    @ApiResponse(responseCode = "200", description = "The settlement", useReturnTypeSchema = true)
    TaxViews.SettlementResult settlement(@RequestBody TaxViews.SettlementRequest body) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (body == null) {
            throw new BadRequestException(Map.of("body", "is required"));
        }
        Optional<CurrencyUnit> currency = currency("currency", body.currency(), errors);
        if (body.taxYear() == null) {
            errors.put("taxYear", "is required (e.g. 2027)");
        }
        List<ActualTax> taxes = null;
        if (body.actualTaxes() != null) {
            if (body.actualTaxes().size() > 20) {
                errors.put("actualTaxes", "must list at most 20 taxes");
            }
            taxes = new ArrayList<>();
            for (int i = 0; i < body.actualTaxes().size(); i++) {
                TaxViews.ActualTaxRow t = body.actualTaxes().get(i);
                if (t != null && !TaxTableService.isCountry(t.country())) {
                    errors.put("actualTaxes[" + i + "].country", "is required: an ISO 3166-1 alpha-2 country code such as DE");
                }
                taxes.add(t == null ? null : new ActualTax(t.country(), t.amount(), t.paidBy()));
            }
        }
        try {
            var s = calculations.settle(body.taxYear() == null ? 0 : body.taxYear(), body.approach(), currency.orElse(null),
                    body.hypotheticalTax(), body.hypotheticalTaxWithheld(), taxes);
            if (errors.isEmpty()) {
                return TaxViews.SettlementResult.of(s);
            }
        } catch (InvalidTaxCalculationException e) {
            e.getFieldErrors().forEach(errors::putIfAbsent);
        }
        throw new BadRequestException(errors);
    }

    private LocalDate day(LocalDate on) {
        return on != null ? on : LocalDate.now(clock);
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

    private static void amount(String field, BigDecimal amount, Map<String, String> errors) {
        if (amount == null) {
            errors.put(field, "is required (0 or more)");
        } else if (amount.signum() < 0) {
            errors.put(field, "must be 0 or more");
        } else if (amount.compareTo(TaxTableService.MAX_AMOUNT) > 0) {
            errors.put(field, "must be at most " + TaxTableService.MAX_AMOUNT.toPlainString());
        }
    }
}
