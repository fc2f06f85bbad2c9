package org.relocation.vendor.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.relocation.identity.CaseAccess;
import org.relocation.identity.Roles;
import org.relocation.platform.web.BadRequestException;
import org.relocation.platform.web.Problems;
import org.relocation.relocationcase.CaseService;
import org.relocation.vendor.DeliveryConflictException;
import org.relocation.vendor.InvalidDeliveryException;
import org.relocation.vendor.ServiceDeliveries;
import org.relocation.vendor.ServiceDelivery;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * The delivery of a case's service order, confirmed and rated by the case's employee, or by a mobility specialist or
 * admin on their behalf (docs/operations.md "Delivery and rating"). The rules are the domain's ({@link ServiceDeliveries}).
 */
@RestController
@Tag(name = "Vendor register", description = "Contracted vendors per service and country, managed by HR administration and finance")
class ServiceDeliveryController {

    private static final String CONFIRMERS = "hasAnyRole('employee','mobility-specialist','admin')";
    private static final Set<String> ON_BEHALF = Set.of("ROLE_" + Roles.SPECIALIST, "ROLE_" + Roles.ADMIN);

    private final ServiceDeliveries deliveries;
    private final CaseService cases;
    private final CaseAccess access;

    ServiceDeliveryController(ServiceDeliveries deliveries, CaseService cases, CaseAccess access) {
        this.deliveries = deliveries;
        this.cases = cases;
        this.access = access;
    }

    @Schema(name = "ServiceDeliveryConfirmation", requiredProperties = {"deliveredOn", "rating"})
    record Confirmation(@Schema(description = "The day the service was delivered: not in the future, not before the order was placed",
                                example = "2027-03-04") LocalDate deliveredOn,
                        @Schema(description = "1 (poor) to 5 (excellent), a whole number (4.5 is refused, not rounded)", minimum = "1",
                                maximum = "5", example = "4", implementation = Integer.class) BigDecimal rating,
                        @Schema(description = "About the service (no personal data needed)", maxLength = 500,
                                example = "On time, the flat was clean and as described") String comment) {
    }

    @Schema(name = "ServiceDelivery", requiredProperties = {"reference", "deliveredOn", "rating", "confirmedBy", "confirmedAt"})
    record Delivery(@Schema(example = "HOU-1-4b1c") String reference, LocalDate deliveredOn,
                    @Schema(minimum = "1", maximum = "5", example = "4") int rating,
                    @Schema(maxLength = 500) String comment,
                    @Schema(description = "The employee, or the specialist or admin on their behalf", example = "employee") String confirmedBy,
                    Instant confirmedAt) {
        static Delivery of(String reference, ServiceDelivery d) {
            return new Delivery(reference, d.getDeliveredOn(), d.getRating(), d.getComment(), d.getConfirmedBy(), d.getConfirmedAt());
        }
    }

    @PostMapping("/api/cases/{caseId}/service-orders/{reference}/delivery")
    @PreAuthorize(CONFIRMERS)
    @Operation(operationId = "confirmServiceDelivery", summary = "Confirm the delivery of a service order and rate it 1-5",
            description = "The case's employee, or a mobility specialist or admin on their behalf; once per order, for an order its vendor "
                    + "confirmed (CONFIRMED, or APPROVED by immigration counsel). 400 naming each bad field (deliveredOn missing, in the "
                    + "future or before the order; rating not a whole number 1-5; comment over 500 characters), nothing written; 404 an "
                    + "unknown case or order, or a case beyond the caller's; 409 already confirmed, or the order not confirmed by its vendor.")
    @ApiResponse(responseCode = "201", description = "Confirmed", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "Already confirmed, or the order is not confirmed by its vendor; nothing written")
    ResponseEntity<Delivery> confirm(@PathVariable long caseId,
                              @Parameter(description = "The order's reference (GET /api/cases/{caseId}: serviceOrders)", example = "HOU-1-4b1c")
                              @PathVariable String reference,
                              @RequestBody(required = false) Confirmation body, Authentication user) {
        cases.readable(caseId, access.scope(user)); // beyond the caller's cases: not found
        if (body == null) {
            throw new BadRequestException(Map.of("body", "is required"));
        }
        Integer rating = null;
        if (body.rating() != null) {
            if (body.rating().stripTrailingZeros().scale() > 0) {
                throw new BadRequestException(Map.of("rating", "must be a whole number from 1 to 5"));
            }
            rating = body.rating().compareTo(BigDecimal.TEN) > 0 || body.rating().signum() < 0 ? Integer.valueOf(0) : body.rating().intValue();
        }
        boolean onBehalf = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(ON_BEHALF::contains);
        try {
            ServiceDelivery d = deliveries.confirm(caseId, reference, new ServiceDeliveries.Confirmation(body.deliveredOn(), rating, body.comment()),
                    new ServiceDeliveries.Actor(user.getName(), onBehalf));
            return ResponseEntity.status(HttpStatus.CREATED).body(Delivery.of(reference, d));
        } catch (InvalidDeliveryException e) {
            throw new BadRequestException(e.getFieldErrors());
        } catch (DataIntegrityViolationException e) {
            throw new DeliveryConflictException("The delivery of this order was confirmed at the same moment; nothing was written");
        }
    }

    @ExceptionHandler(DeliveryConflictException.class)
    ProblemDetail conflict(DeliveryConflictException e) {
        return Problems.of(HttpStatus.CONFLICT, "Delivery not confirmable", e.getMessage());
    }
}
