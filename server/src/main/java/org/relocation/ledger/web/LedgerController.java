package org.relocation.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.relocation.ledger.LedgerReports;
import org.relocation.platform.web.BadRequestException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finance's views of the payments ledger: per cost centre and calendar month (JSON or CSV), and the monthly
 * chargeback. Unlike {@code /api/finance/spend} (approved estimates, whole, in the assignment's start quarter) and
 * {@code /api/finance/chargeback} (final costs at closure), these count payments in the months they fall due and are paid.
 */
@RestController
@RequestMapping("/api/finance")
@Tag(name = "Finance", description = "Committed spend, forecast and chargeback by cost centre and quarter")
class LedgerController {

    private static final String FINANCE = "hasAnyRole('finance','hr-admin','admin')";
    static final int MAX_MONTHS = 120;
    private static final String MONTH = "\\d{4}-(0[1-9]|1[0-2])";

    private final LedgerReports reports;
    private final Clock clock;

    LedgerController(LedgerReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @GetMapping("/ledger")
    @PreAuthorize(FINANCE)
    @Operation(operationId = "getPaymentsLedger", summary = "The payments ledger per cost centre and calendar month: committed, actual, with each cost centre's budget, variance and totals",
            description = "Months [from, to] as YYYY-MM (default: this calendar year; at most 120 months); costCentre optional. Committed = planned and "
                    + "approved payments in their due month (due day's rate), actual = paid payments in their paid month (paid day's rate), "
                    + "reporting currency. Per cost centre: budget (approved estimates of its cases in progress or completed), committed, "
                    + "actual, variance and variance % over the cases' whole life, and the period's committed and actual; totals over all. "
                    + "Recoveries (money employees owe, deducted through payroll) count negative: committed and actual are net of them.")
    LedgerReports.LedgerReport ledger(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String costCentre) {
        YearMonth[] period = period(from, to, costCentre);
        return reports.ledger(period[0], period[1], costCentre);
    }

    @GetMapping(value = "/ledger.csv", produces = "text/csv")
    @PreAuthorize(FINANCE)
    @Operation(operationId = "exportPaymentsLedger", summary = "The ledger's monthly rows as CSV (cost_centre, month, committed, actual, payments, currency)",
            description = "The same parameters as /api/finance/ledger. UTF-8, RFC 4180 (CRLF, quoted where needed); a cell beginning with = + - @ "
                    + "gets a leading ' so spreadsheets do not run it.")
    @ApiResponse(responseCode = "200", description = "The CSV file", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String costCentre) {
        YearMonth[] period = period(from, to, costCentre);
        LedgerReports.LedgerReport ledger = reports.ledger(period[0], period[1], costCentre);
        StringBuilder sb = new StringBuilder("cost_centre,month,committed,actual,payments,currency\r\n");
        for (LedgerReports.LedgerMonth m : ledger.months()) {
            sb.append(cell(m.costCentre())).append(',').append(m.month()).append(',').append(m.committed().toPlainString()).append(',')
                    .append(m.actual().toPlainString()).append(',').append(m.payments()).append(',').append(ledger.currency()).append("\r\n");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ledger-" + period[0] + "-" + period[1] + ".csv\"")
                .body(sb.toString());
    }

    @GetMapping("/chargebacks")
    @PreAuthorize(FINANCE)
    @Operation(operationId = "getMonthlyChargebacks", summary = "What each cost centre is charged for a month: the payments paid in it, per case",
            description = "month (YYYY-MM, required); costCentre optional. Amounts in the reporting currency at the paid day's rate; "
                    + "a recovery deducted in the month (money the employee owed) is credited: it counts negative.")
    LedgerReports.MonthlyChargeback chargebacks(@RequestParam(required = false) String month, @RequestParam(required = false) String costCentre) {
        Map<String, String> errors = new LinkedHashMap<>();
        YearMonth m = month(month, "month", errors);
        if (month == null) {
            errors.put("month", "is required (YYYY-MM)");
        }
        costCentre(costCentre, errors);
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        return reports.chargebacks(m, costCentre);
    }

    private YearMonth[] period(String from, String to, String costCentre) {
        Map<String, String> errors = new LinkedHashMap<>();
        YearMonth start = from == null ? YearMonth.now(clock).withMonth(1) : month(from, "from", errors);
        YearMonth end = to == null ? (start == null ? null : start.plusMonths(11)) : month(to, "to", errors);
        if (start != null && end != null) {
            if (end.isBefore(start)) {
                errors.put("to", "must not be before from");
            } else if (ChronoUnit.MONTHS.between(start, end) >= MAX_MONTHS) {
                errors.put("to", "the period is at most " + MAX_MONTHS + " months");
            }
        }
        costCentre(costCentre, errors);
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        return new YearMonth[]{start, end};
    }

    private static YearMonth month(String value, String field, Map<String, String> errors) {
        if (value == null) {
            return null;
        }
        if (!value.matches(MONTH)) {
            errors.put(field, "must be a calendar month as YYYY-MM, such as 2027-03");
            return null;
        }
        return YearMonth.parse(value);
    }

    private static void costCentre(String costCentre, Map<String, String> errors) {
        if (costCentre != null && (costCentre.isBlank() || costCentre.length() > 40)) {
            errors.put("costCentre", "must be 1-40 characters");
        }
    }

    private static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
