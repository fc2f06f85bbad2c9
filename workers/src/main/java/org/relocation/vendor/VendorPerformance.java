package org.relocation.vendor;

import org.relocation.keydate.BusinessCalendar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Vendor performance per vendor and service type over the orders requested in a period (docs/operations.md "Vendor
 * performance"). Dates are UTC calendar days. The rules:
 * <ul>
 *   <li>response time: hours from requestedAt to answeredAt (its latest answer) of the answered orders, refusals
 *       included; p50 and p90 by nearest rank (the value at rank ceil(p/100 x n) of the sorted times);</li>
 *   <li>confirmation on time: the confirmation deadline is the one stored on the order when it was placed (a
 *       specialist's "wait until" moves it), for older orders the requested day plus the vendor's
 *       confirmationBusinessDays business days of the vendor's country (weekends and public holidays not counted). Due
 *       are the orders answered other than by a refusal (on time when answered on or before the deadline) and the
 *       orders still without an answer whose deadline has passed or that were switched to another vendor after it (late). Refusals and orders not yet due are left out;</li>
 *   <li>delivery on time: of the orders with a confirmed delivery, those delivered on or before the requested day plus
 *       deliveryBusinessDays business days (the stored delivery deadline where the order has one);</li>
 *   <li>cost: the reported costs in the vendor's currency (others are left out), their average against the contract's
 *       ORDER rate where the vendor has one ({@code costToContractRatio}); cost against quote
 *       ({@code costToQuoteRatio}): over the orders placed on an accepted quote whose invoice is in the quote's currency,
 *       the sum of the invoices over the sum of the quotes (3 decimals, half up; above 1: invoiced above the quotes),
 *       null without such orders;</li>
 *   <li>orders without a registered vendor went to the configured endpoint of their category: grouped per category
 *       ({@code configuredEndpoint}), without SLA or cost figures (there is no contract);</li>
 *   <li>worst performers first: lowest confirmation on-time rate, then lowest average rating (unknown ones after), then
 *       most orders; {@code worst} marks an on-time rate below {@link #ON_TIME_TARGET} or an average rating below
 *       {@link #RATING_TARGET}.</li>
 * </ul>
 */
@Service
public class VendorPerformance {

    public static final BigDecimal ON_TIME_TARGET = new BigDecimal("0.80");
    public static final BigDecimal RATING_TARGET = new BigDecimal("3.00");

    /** One vendor's (or configured endpoint's) figures for one service type; null: nothing to compute it from. */
    public record Row(Long vendorId, String vendor, String vendorName, boolean configuredEndpoint, String service,
                      ServiceType serviceType, int orders, int refusals, int answered,
                      BigDecimal responseHoursP50, BigDecimal responseHoursP90,
                      Integer confirmationBusinessDays, int confirmationsDue, int confirmationsOnTime, BigDecimal confirmationOnTimeRate,
                      Integer deliveryBusinessDays, int deliveriesConfirmed, int deliveriesOnTime, BigDecimal deliveryOnTimeRate,
                      String currency, int costedOrders, BigDecimal averageCost, BigDecimal contractRatePerOrder,
                      BigDecimal costToContractRatio, BigDecimal costToQuoteRatio,
                      int ratings, BigDecimal averageRating, boolean worst) {
    }

    /** The period's rows, worst first. */
    public record Report(LocalDate from, LocalDate to, List<Row> rows) {
    }

    private static final Comparator<BigDecimal> LOW_FIRST_UNKNOWN_LAST = Comparator.nullsLast(Comparator.naturalOrder());

    private final PerformanceOrderRepository orders;
    private final ServiceDeliveryRepository deliveries;
    private final VendorRepository vendors;
    private final BusinessCalendar calendar;
    private final Clock clock;

    VendorPerformance(PerformanceOrderRepository orders, ServiceDeliveryRepository deliveries, VendorRepository vendors,
                      BusinessCalendar calendar, Clock clock) {
        this.orders = orders;
        this.deliveries = deliveries;
        this.vendors = vendors;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The orders requested from {@code from} to {@code to} (both inclusive), of one category or (null) all. */
    @Transactional(readOnly = true)
    public Report report(LocalDate from, LocalDate to, String service) {
        return report(from, to, service, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }

    Report report(LocalDate from, LocalDate to, String service, LocalDate today) {
        List<ServiceOrder> inPeriod = orders.findRequestedBetween(from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                        to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()).stream()
                .filter(o -> service == null || service.equals(o.getServiceType().vendor())).toList();
        Map<Long, ServiceDelivery> delivered = inPeriod.isEmpty() ? Map.of()
                : deliveries.findByServiceOrderIds(inPeriod.stream().map(ServiceOrder::getId).toList()).stream()
                .collect(Collectors.toMap(ServiceDelivery::getServiceOrderId, Function.identity()));
        Map<Long, Vendor> registered = vendors.findAllById(inPeriod.stream().map(ServiceOrder::getVendorId)
                .filter(Objects::nonNull).collect(Collectors.toSet())).stream().collect(Collectors.toMap(Vendor::getId, Function.identity()));
        Map<List<Object>, List<ServiceOrder>> groups = inPeriod.stream().collect(Collectors.groupingBy(
                o -> java.util.Arrays.asList(o.getVendorId() != null ? o.getVendorId() : o.getVendor(), o.getServiceType()),
                LinkedHashMap::new, Collectors.toList()));
        List<Row> rows = new ArrayList<>();
        groups.values().forEach(g -> rows.add(row(g, g.get(0).getVendorId() == null ? null : registered.get(g.get(0).getVendorId()),
                delivered, today)));
        rows.sort(Comparator.comparing(Row::confirmationOnTimeRate, LOW_FIRST_UNKNOWN_LAST)
                .thenComparing(Row::averageRating, LOW_FIRST_UNKNOWN_LAST)
                .thenComparing(Row::orders, Comparator.reverseOrder())
                .thenComparing(Row::vendor).thenComparing(r -> r.serviceType().name()));
        return new Report(from, to, List.copyOf(rows));
    }

    private Row row(List<ServiceOrder> group, Vendor vendor, Map<Long, ServiceDelivery> delivered, LocalDate today) {
        ServiceOrder first = group.get(0);
        int refusals = 0;
        List<BigDecimal> hours = new ArrayList<>();
        int due = 0;
        int onTime = 0;
        int deliveriesConfirmed = 0;
        int deliveriesOnTime = 0;
        int costed = 0;
        BigDecimal costSum = BigDecimal.ZERO;
        int ratings = 0;
        int ratingSum = 0;
        BigDecimal quotedSum = BigDecimal.ZERO;
        BigDecimal invoicedAgainstQuotes = BigDecimal.ZERO;
        for (ServiceOrder o : group) {
            if (o.getQuotedAmount() != null && o.getCostAmount() != null && o.getQuotedCurrency().equals(o.getCostCurrency())) {
                quotedSum = quotedSum.add(o.getQuotedAmount());
                invoicedAgainstQuotes = invoicedAgainstQuotes.add(o.getCostAmount());
            }
            boolean refused = o.getStatus() == ServiceOrder.Status.REFUSED;
            if (refused) {
                refusals++;
            }
            if (o.getAnsweredAt() != null) {
                hours.add(BigDecimal.valueOf(Duration.between(o.getRequestedAt(), o.getAnsweredAt()).toMinutes())
                        .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP));
            }
            LocalDate requested = o.getRequestedAt().atZone(ZoneOffset.UTC).toLocalDate();
            ServiceDelivery d = delivered.get(o.getId());
            if (d != null) {
                ratings++;
                ratingSum += d.getRating();
            }
            if (vendor == null) {
                continue;
            }
            // the deadlines stored on the order when it was placed (VendorSlas), else computed as then
            LocalDate confirmBy = o.getConfirmBy() != null ? o.getConfirmBy()
                    : plusBusinessDays(vendor.getCountry(), requested, vendor.getConfirmationBusinessDays());
            if (o.getAnsweredAt() != null && !refused) {
                due++;
                if (!o.getAnsweredAt().atZone(ZoneOffset.UTC).toLocalDate().isAfter(confirmBy)) {
                    onTime++;
                }
            } else if (o.getAnsweredAt() == null && (o.getStatus() == ServiceOrder.Status.NEW || o.getStatus() == ServiceOrder.Status.SENT
                    || o.getStatus() == ServiceOrder.Status.ACKNOWLEDGED)
                    && today.isAfter(confirmBy)) {
                due++; // never answered by its deadline: late
            } else if (o.getStatus() == ServiceOrder.Status.WITHDRAWN && o.getWithdrawnAt() != null
                    && o.getWithdrawnAt().atZone(ZoneOffset.UTC).toLocalDate().isAfter(confirmBy)) {
                due++; // switched to another vendor after its deadline: late
            }
            if (d != null) {
                deliveriesConfirmed++;
                LocalDate deliverBy = o.getDeliverBy() != null ? o.getDeliverBy()
                        : plusBusinessDays(vendor.getCountry(), requested, vendor.getDeliveryBusinessDays());
                if (!d.getDeliveredOn().isAfter(deliverBy)) {
                    deliveriesOnTime++;
                }
            }
            if (o.getCostAmount() != null && vendor.getCurrency().equals(o.getCostCurrency())) {
                costed++;
                costSum = costSum.add(o.getCostAmount());
            }
        }
        hours.sort(Comparator.naturalOrder());
        BigDecimal averageCost = costed == 0 ? null : costSum.divide(BigDecimal.valueOf(costed), 2, RoundingMode.HALF_UP);
        BigDecimal orderRate = vendor == null ? null : vendor.getRates().stream()
                .filter(r -> r.getUnit() == VendorRate.Unit.ORDER).map(VendorRate::getUnitPrice).findFirst().orElse(null);
        BigDecimal costRatio = averageCost == null || orderRate == null || orderRate.signum() == 0 ? null
                : averageCost.divide(orderRate, 3, RoundingMode.HALF_UP);
        BigDecimal quoteRatio = quotedSum.signum() == 0 ? null : invoicedAgainstQuotes.divide(quotedSum, 3, RoundingMode.HALF_UP);
        BigDecimal onTimeRate = rate(onTime, due);
        BigDecimal averageRating = ratings == 0 ? null : BigDecimal.valueOf(ratingSum).divide(BigDecimal.valueOf(ratings), 2, RoundingMode.HALF_UP);
        boolean worst = (onTimeRate != null && onTimeRate.compareTo(ON_TIME_TARGET) < 0)
                || (averageRating != null && averageRating.compareTo(RATING_TARGET) < 0);
        return new Row(vendor == null ? null : vendor.getId(), vendor == null ? first.getVendor() : vendor.getCode(),
                vendor == null ? null : vendor.getName(), vendor == null, first.getServiceType().vendor(), first.getServiceType(),
                group.size(), refusals, hours.size(), percentile(hours, 50), percentile(hours, 90),
                vendor == null ? null : vendor.getConfirmationBusinessDays(), due, onTime, onTimeRate,
                vendor == null ? null : vendor.getDeliveryBusinessDays(), deliveriesConfirmed, deliveriesOnTime,
                rate(deliveriesOnTime, deliveriesConfirmed),
                vendor == null ? null : vendor.getCurrency(), costed, averageCost, orderRate, costRatio, quoteRatio,
                ratings, averageRating, worst);
    }

    /** The day {@code days} business days of the country after {@code day}. */
    LocalDate plusBusinessDays(String country, LocalDate day, int days) {
        LocalDate d = day;
        int counted = 0;
        while (counted < days) {
            d = d.plusDays(1);
            if (calendar.isBusinessDay(country, d)) {
                counted++;
            }
        }
        return d;
    }

    /** Nearest rank: the value at rank ceil(p/100 x n) of the sorted values; null without values. */
    static BigDecimal percentile(List<BigDecimal> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static BigDecimal rate(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP);
    }
}
