package org.relocation.finance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.relocation.finance.FinanceReports;
import org.relocation.platform.web.BadRequestException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finance views in the reporting currency: committed spend and forecast, and chargeback of actual costs. */
@RestController
@RequestMapping("/api/finance")
@Tag(name = "Finance", description = "Committed spend, forecast and chargeback by cost centre and quarter")
class FinanceController {

    private static final String FINANCE = "hasAnyRole('finance','hr-admin','admin')";
    private static final int MAX_PERIOD_DAYS = 3660;

    private final FinanceReports reports;
    private final Clock clock;

    FinanceController(FinanceReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @GetMapping("/spend")
    @PreAuthorize(FINANCE)
    @Operation(operationId = "getCommittedSpend", summary = "Committed spend (approved estimates) and forecast (estimates awaiting approval) by cost centre and start quarter",
            description = "Assignments starting in [from, to] (default: this year and the next); costCentre optional.")
    List<FinanceReports.SpendRow> spend(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                        @RequestParam(required = false) String costCentre) {
        LocalDate start = from == null ? LocalDate.now(clock).withDayOfYear(1) : from;
        LocalDate end = to == null ? start.plusYears(2).minusDays(1) : to;
        check(start, end, costCentre);
        return reports.spend(start, end, costCentre);
    }

    @GetMapping("/chargeback")
    @PreAuthorize(FINANCE)
    @Operation(operationId = "getChargeback", summary = "Actual final costs of completed cases charged to their cost centres, by closing quarter",
            description = "Cases completed in [from, to] (default: this year); costCentre optional.")
    List<FinanceReports.ChargebackRow> chargeback(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                                  @RequestParam(required = false) String costCentre) {
        LocalDate start = from == null ? LocalDate.now(clock).withDayOfYear(1) : from;
        LocalDate end = to == null ? start.plusYears(1).minusDays(1) : to;
        check(start, end, costCentre);
        return reports.chargeback(start, end, costCentre);
    }

    private static void check(LocalDate from, LocalDate to, String costCentre) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (to.isBefore(from)) {
            errors.put("to", "must not be before from");
        } else if (ChronoUnit.DAYS.between(from, to) > MAX_PERIOD_DAYS) {
            errors.put("to", "the period is at most ten years");
        }
        if (costCentre != null && (costCentre.isBlank() || costCentre.length() > 40)) {
            errors.put("costCentre", "must be 1-40 characters");
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
    }
}
