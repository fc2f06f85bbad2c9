package org.relocation.tax.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.relocation.platform.web.BadRequestException;
import org.relocation.tax.ActualTax;
import org.relocation.tax.InvalidTaxSettlementException;
import org.relocation.tax.SettlementDirection;
import org.relocation.tax.TaxApproach;
import org.relocation.tax.TaxSettlementService;
import org.relocation.tax.TaxYearSettlement;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Tax-equalisation settlements per case and tax year (docs/pay-and-tax.md, "Settlements and tax returns"): finance
 * enters a year's actual taxes, which starts the approval by another member of finance (process
 * relocation-tax-settlement). Finance and admin enter and read; HR administration reads. Amounts travel in the body,
 * never in a URL.
 */
@RestController
@RequestMapping("/api/cases/{caseId}/tax-settlements")
@Tag(name = "Tax")
class TaxSettlementController {

    static final String ENTERERS = "hasAnyRole('finance','admin')";
    static final String READERS = "hasAnyRole('finance','hr-admin','admin')";

    private final TaxSettlementService settlements;

    TaxSettlementController(TaxSettlementService settlements) {
        this.settlements = settlements;
    }

    @Schema(name = "TaxSettlementActualTax", requiredProperties = {"country", "amount"},
            description = "One actual tax of the year (a home or host return's income tax and social security), in the entry's currency")
    record ActualTaxEntry(@Schema(description = "The case's home or host country (ISO 3166-1 alpha-2)", example = "DE") String country,
                          @Schema(description = "0 or more, at most the currency's decimals", minimum = "0", maximum = "1000000000000",
                                  example = "25000") BigDecimal amount,
                          @Schema(description = "Who paid it; absent: COMPANY (on the employee's behalf)") ActualTax.PaidBy paidBy) {
    }

    @Schema(name = "TaxSettlementEntry", requiredProperties = {"taxYear", "currency", "actualTaxes"},
            description = "A tax year's actual taxes. The hypothetical tax comes from the case (its base salary, the home "
                    + "country's table in effect on the tax year's first day, for the months the assignment runs in the year)")
    record Entry(@Schema(description = "The home country's tax year, named after the calendar year it starts in; started already",
                         minimum = "2000", example = "2027") Integer taxYear,
                 @Schema(description = "ISO 4217 currency of the amounts entered; converted into the home country's currency at "
                         + "the rate of the tax year's last day (or today)", example = "EUR") String currency,
                 @ArraySchema(minItems = 1, maxItems = 10) List<ActualTaxEntry> actualTaxes,
                 @Schema(description = "Payroll's year-end figure of the hypothetical tax withheld; absent: the case's own "
                         + "(the monthly withholding of the months on assignment)", minimum = "0", maximum = "1000000000000",
                         example = "18000") BigDecimal hypotheticalTaxWithheld) {
    }

    @Schema(name = "TaxSettlementLine", requiredProperties = {"country", "enteredAmount", "enteredCurrency", "amount", "paidBy"})
    record Line(String country, BigDecimal enteredAmount, String enteredCurrency,
                @Schema(description = "In the settlement's currency") BigDecimal amount, ActualTax.PaidBy paidBy) {
    }

    @Schema(name = "TaxYearSettlement", requiredProperties = {"id", "caseId", "travellerId", "taxYear", "approach", "currency",
            "hypotheticalTax", "hypotheticalTaxWithheld", "withheldSource", "actualTaxes", "actualTaxesPaidByCompany",
            "actualTaxesPaidByEmployee", "employeeTaxBurden", "companyTaxCost", "amount", "direction", "status", "enteredBy",
            "enteredAt", "lines"},
            description = "Amounts in currency (the home country's). amount is 0 or more; direction says who owes it")
    record View(long id, long caseId, long travellerId, int taxYear,
                @Schema(description = "The case's tax approach (by assignment type until the compensation decision records it)") TaxApproach approach,
                @Schema(example = "GBP") String currency, BigDecimal hypotheticalTax, BigDecimal hypotheticalTaxWithheld,
                TaxYearSettlement.WithheldSource withheldSource, BigDecimal actualTaxes, BigDecimal actualTaxesPaidByCompany,
                BigDecimal actualTaxesPaidByEmployee, BigDecimal employeeTaxBurden, BigDecimal companyTaxCost, BigDecimal amount,
                SettlementDirection direction, TaxYearSettlement.Status status, String enteredBy, Instant enteredAt, String decidedBy,
                Instant decidedAt, @Schema(description = "The approver's comment; a rejection's reason") String decisionComment,
                @Schema(description = "The ledger line of an approved settlement: a payment (owed to the employee) or a recovery deducted through payroll (owed by the employee)") Long paymentId,
                List<Line> lines) {
        static View of(TaxYearSettlement s) {
            return new View(s.getId(), s.getCaseId(), s.getTravellerId(), s.getTaxYear(), s.getApproach(), s.getCurrency(),
                    s.getHypotheticalTax(), s.getHypotheticalWithheld(), s.getWithheldSource(), s.getActualTaxes(),
                    s.getActualPaidByCompany(), s.getActualPaidByEmployee(), s.getEmployeeBurden(), s.getCompanyTaxCost(),
                    s.getAmount(), s.getDirection(), s.getStatus(), s.getEnteredBy(), s.getEnteredAt(), s.getDecidedBy(),
                    s.getDecidedAt(), s.getDecisionComment(), s.getPaymentId(),
                    s.getLines().stream().map(l -> new Line(l.getCountry(), l.getEnteredAmount(), l.getEnteredCurrency(), l.getAmount(),
                            l.getPaidBy())).toList());
        }
    }

    @PostMapping
    @PreAuthorize(ENTERERS)
    @Operation(operationId = "enterTaxSettlement", summary = "Enter a tax year's actual taxes: the settlement, awaiting finance's approval",
            description = "Settles the year under the case's tax approach (EQUALISATION: the employee bears the hypothetical tax; "
                    + "PROTECTION: the lower of it and the actual taxes) and starts the approval task approve-tax-settlement for "
                    + "another member of finance. 400 naming each bad field and 409 (a LAISSEZ_FAIRE case, a year awaiting approval "
                    + "or approved already, a case not running) write nothing.")
    @ApiResponse(responseCode = "201", description = "Entered; awaiting approval", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such case")
    @ApiResponse(responseCode = "409", description = "The case's rules refuse a settlement; nothing written")
    ResponseEntity<View> enter(@PathVariable long caseId, @RequestBody Entry body, Authentication user) {
        if (body == null) {
            throw new BadRequestException(Map.of("body", "is required"));
        }
        List<TaxSettlementService.ActualTaxEntry> taxes = body.actualTaxes() == null ? null : body.actualTaxes().stream()
                .map(t -> t == null ? null : new TaxSettlementService.ActualTaxEntry(t.country(), t.amount(), t.paidBy())).toList();
        try {
            TaxYearSettlement s = settlements.enter(caseId, new TaxSettlementService.Entry(body.taxYear(), body.currency(), taxes,
                    body.hypotheticalTaxWithheld()), user.getName());
            return ResponseEntity.status(HttpStatus.CREATED).body(View.of(s));
        } catch (InvalidTaxSettlementException e) {
            throw new BadRequestException(e.getFieldErrors());
        }
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(operationId = "listTaxSettlements", summary = "A case's tax settlements, by tax year")
    @ApiResponse(responseCode = "200", description = "The settlements", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such case")
    List<View> list(@PathVariable long caseId) {
        return settlements.ofCase(caseId).stream().map(View::of).toList();
    }

    @GetMapping("/{settlementId}")
    @PreAuthorize(READERS)
    @Operation(operationId = "getTaxSettlement", summary = "One tax settlement of the case")
    @ApiResponse(responseCode = "200", description = "The settlement", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such case or settlement")
    View get(@PathVariable long caseId, @PathVariable long settlementId) {
        return View.of(settlements.get(caseId, settlementId));
    }
}
