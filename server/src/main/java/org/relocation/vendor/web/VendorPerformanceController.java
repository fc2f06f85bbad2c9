package org.relocation.vendor.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.relocation.platform.web.BadRequestException;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.VendorPerformance;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Vendor performance (docs/operations.md "Vendor performance"): per vendor and service type over a period, as JSON or
 * CSV; HR administration, finance and admins only. The figures and their rules are {@link VendorPerformance}'s.
 */
@RestController
@Tag(name = "Vendor register", description = "Contracted vendors per service and country, managed by HR administration and finance")
class VendorPerformanceController {

    static final String READERS = "hasAnyRole('hr-admin','finance','admin')";
    /** Longest period, in days (about five years). */
    static final int MAX_DAYS = 1830;
    private static final String DATE = "\\d{4}-\\d{2}-\\d{2}";

    private final VendorPerformance performance;
    private final Clock clock;

    VendorPerformanceController(VendorPerformance performance, Clock clock) {
        this.performance = performance;
        this.clock = clock;
    }

    /** The output formats. */
    enum Format { json, csv }

    @Schema(name = "VendorPerformanceRow", description = "One vendor's figures for one service type; a figure with nothing to compute it "
            + "from is absent (an empty cell in CSV). Rates are 0-1 with 3 decimals")
    record Row(@Schema(description = "The registered vendor; absent: the configured endpoint of the category") Long vendorId,
               @Schema(description = "The vendor's code, or the category of the configured endpoint", example = "berlin-homes") String vendor,
               @Schema(example = "Berlin Homes GmbH") String vendorName,
               @Schema(description = "Orders that went to the category's configured endpoint: no contract, so no SLA or cost figures") boolean configuredEndpoint,
               @Schema(description = "The service category", example = "housing") String service,
               ServiceType serviceType,
               @Schema(description = "Orders requested in the period", example = "12") int orders,
               @Schema(example = "1") int refusals,
               @Schema(description = "Orders with an answer (refusals included)", example = "11") int answered,
               @Schema(description = "Median hours from the order to its answer (nearest rank)", example = "5.50") BigDecimal responseHoursP50,
               @Schema(description = "90th percentile of the hours from the order to its answer (nearest rank)", example = "30.25") BigDecimal responseHoursP90,
               @Schema(description = "The contract's confirmation SLA", example = "2") Integer confirmationBusinessDays,
               @Schema(description = "Orders measured against it: answered other than by a refusal, or unanswered past the deadline", example = "10") int confirmationsDue,
               @Schema(example = "8") int confirmationsOnTime,
               @Schema(example = "0.800") BigDecimal confirmationOnTimeRate,
               @Schema(description = "The contract's delivery SLA", example = "10") Integer deliveryBusinessDays,
               @Schema(description = "Orders whose delivery was confirmed", example = "6") int deliveriesConfirmed,
               @Schema(example = "5") int deliveriesOnTime,
               @Schema(example = "0.833") BigDecimal deliveryOnTimeRate,
               @Schema(description = "The vendor's currency: costs in another one are left out", example = "EUR") String currency,
               @Schema(description = "Orders with a reported cost in the vendor's currency", example = "9") int costedOrders,
               @Schema(example = "1450.00") BigDecimal averageCost,
               @Schema(description = "The contract's rate per ORDER, if it has one", example = "1400.00") BigDecimal contractRatePerOrder,
               @Schema(description = "averageCost / contractRatePerOrder", example = "1.036") BigDecimal costToContractRatio,
               @Schema(description = "Cost against quote: the sum of the invoices over the sum of the accepted quotes, over the orders "
                       + "placed on a quote whose invoice is in the quote's currency (3 decimals); absent without such orders", example = "1.050") BigDecimal costToQuoteRatio,
               @Schema(description = "Confirmed deliveries rated", example = "6") int ratings,
               @Schema(description = "Average rating 1-5, 2 decimals", example = "3.83") BigDecimal averageRating,
               @Schema(description = "Confirmation on-time rate below 0.80 or average rating below 3.00") boolean worst) {
        static Row of(VendorPerformance.Row r) {
            return new Row(r.vendorId(), r.vendor(), r.vendorName(), r.configuredEndpoint(), r.service(), r.serviceType(), r.orders(),
                    r.refusals(), r.answered(), r.responseHoursP50(), r.responseHoursP90(), r.confirmationBusinessDays(), r.confirmationsDue(),
                    r.confirmationsOnTime(), r.confirmationOnTimeRate(), r.deliveryBusinessDays(), r.deliveriesConfirmed(), r.deliveriesOnTime(),
                    r.deliveryOnTimeRate(), r.currency(), r.costedOrders(), r.averageCost(), r.contractRatePerOrder(), r.costToContractRatio(),
                    r.costToQuoteRatio(), r.ratings(), r.averageRating(), r.worst());
        }
    }

    @Schema(name = "VendorPerformanceReport", requiredProperties = {"from", "to", "rows"})
    record Report(@Schema(example = "2026-01-01") LocalDate from, @Schema(example = "2026-12-31") LocalDate to,
                  @Schema(description = "Worst first: lowest confirmation on-time rate, then lowest average rating (unknown last), then most orders")
                  List<Row> rows) {
    }

    static final List<String> CSV_COLUMNS = List.of("vendor_id", "vendor", "vendor_name", "configured_endpoint", "service", "service_type",
            "orders", "refusals", "answered", "response_hours_p50", "response_hours_p90", "confirmation_business_days", "confirmations_due",
            "confirmations_on_time", "confirmation_on_time_rate", "delivery_business_days", "deliveries_confirmed", "deliveries_on_time",
            "delivery_on_time_rate", "currency", "costed_orders", "average_cost", "contract_rate_per_order", "cost_to_contract_ratio",
            "cost_to_quote_ratio", "ratings", "average_rating", "worst");

    @GetMapping("/api/vendors/performance")
    @PreAuthorize(READERS)
    @Operation(operationId = "getVendorPerformance", summary = "Vendor performance per vendor and service type, worst first (JSON or CSV)",
            description = "The orders requested from from to to (UTC days, both inclusive; default the last 12 months up to today; at most "
                    + MAX_DAYS + " days), of one service category or all. Response times p50/p90 (nearest rank), confirmation on time "
                    + "against the contract's SLA in business days of the vendor's country, delivery on time where a delivery was confirmed, "
                    + "cost against the contract's ORDER rate, refusals, average rating. Orders without a registered vendor are grouped per "
                    + "category as configuredEndpoint. HR administration, finance and admins; others 403. 400 naming each bad parameter.")
    @ApiResponse(responseCode = "200", description = "The report: JSON, or with format=csv a CSV file (UTF-8, RFC 4180, a header row, "
            + "snake_case columns in the JSON's order, empty cells for null)", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Report.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    ResponseEntity<?> performance(@Parameter(description = "First day (YYYY-MM-DD); default 12 months before to", example = "2026-01-01")
                                  @RequestParam(required = false) String from,
                                  @Parameter(description = "Last day (YYYY-MM-DD); default today (UTC)", example = "2026-12-31")
                                  @RequestParam(required = false) String to,
                                  @Parameter(description = "One service category", example = "housing") @RequestParam(required = false) String service,
                                  @Parameter(description = "json (default) or csv") @RequestParam(required = false) Format format) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate end = to == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : date(to, "to", errors);
        LocalDate start = from == null ? (end == null ? null : end.minusMonths(12).plusDays(1)) : date(from, "from", errors);
        if (start != null && end != null) {
            if (end.isBefore(start)) {
                errors.put("to", "must not be before from");
            } else if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
                errors.put("to", "the period is at most " + MAX_DAYS + " days");
            }
        }
        if (service != null && !ServiceType.categories().contains(service)) {
            errors.put("service", "must be one of " + String.join(", ", ServiceType.categories()));
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        VendorPerformance.Report report = performance.report(start, end, service);
        Report body = new Report(report.from(), report.to(), report.rows().stream().map(Row::of).toList());
        if (format != Format.csv) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
        }
        StringBuilder csv = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (Row r : body.rows()) {
            csv.append(Stream.of(r.vendorId(), r.vendor(), r.vendorName(), r.configuredEndpoint(), r.service(), r.serviceType(), r.orders(),
                            r.refusals(), r.answered(), r.responseHoursP50(), r.responseHoursP90(), r.confirmationBusinessDays(),
                            r.confirmationsDue(), r.confirmationsOnTime(), r.confirmationOnTimeRate(), r.deliveryBusinessDays(),
                            r.deliveriesConfirmed(), r.deliveriesOnTime(), r.deliveryOnTimeRate(), r.currency(), r.costedOrders(),
                            r.averageCost(), r.contractRatePerOrder(), r.costToContractRatio(), r.costToQuoteRatio(), r.ratings(),
                            r.averageRating(), r.worst())
                    .map(VendorPerformanceController::cell).collect(Collectors.joining(","))).append("\r\n");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"vendor-performance-" + start + "-" + end + ".csv\"")
                .body(csv.toString());
    }

    private static LocalDate date(String value, String field, Map<String, String> errors) {
        try {
            if (value.matches(DATE)) {
                return LocalDate.parse(value);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.put(field, "must be a date as YYYY-MM-DD, such as 2026-03-01");
        return null;
    }

    /** RFC 4180 quoting; a text cell beginning with = + - @ gets a leading ' so spreadsheets do not run it. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String v = value instanceof BigDecimal b ? b.toPlainString() : Objects.toString(value);
        if (!(value instanceof Number) && !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
