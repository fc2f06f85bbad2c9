package org.relocation.vendor.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.relocation.platform.web.BadRequestException;
import org.relocation.vendor.InvalidVendorException;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.VendorRegister;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The vendor register (docs/operations.md "Vendor register"), for HR administration and finance only: the contracted
 * vendors per service and country, their rates, SLAs, endpoint and write-only callback secret. Orders choose their
 * vendor here ({@link VendorRegister#choose}).
 */
@RestController
@RequestMapping("/api/vendors")
@PreAuthorize(VendorController.MANAGERS)
@Tag(name = "Vendor register", description = "Contracted vendors per service and country, managed by HR administration and finance")
class VendorController {

    static final String MANAGERS = "hasAnyRole('hr-admin','finance')";
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final VendorRegister register;

    VendorController(VendorRegister register) {
        this.register = register;
    }

    @GetMapping
    @Operation(operationId = "listVendors", summary = "The registered vendors, by service, country and registration",
            description = "Filters: service (category), country (ISO 3166 alpha-2), active. A bad filter is a 400 naming it.")
    @ApiResponse(responseCode = "200", description = "The vendors", useReturnTypeSchema = true)
    VendorViews.Listing list(@Parameter(description = "The service category", example = "housing") @RequestParam(required = false) String service,
                             @Parameter(example = "DE") @RequestParam(required = false) String country,
                             @RequestParam(required = false) Boolean active) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (service != null && !ServiceType.categories().contains(service)) {
            errors.put("service", "must be one of " + String.join(", ", ServiceType.categories()));
        }
        if (country != null && !COUNTRIES.contains(country)) {
            errors.put("country", "must be an ISO 3166 alpha-2 country code in capitals, such as DE");
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        return new VendorViews.Listing(register.list(service, country, active).stream().map(VendorViews.Details::of).toList());
    }

    @GetMapping("/{vendorId}")
    @Operation(operationId = "getVendor", summary = "One registered vendor (never its callback secret)")
    @ApiResponse(responseCode = "200", description = "The vendor", useReturnTypeSchema = true)
    VendorViews.Details get(@PathVariable Long vendorId) {
        return VendorViews.Details.of(register.get(vendorId));
    }

    @PostMapping
    @Operation(operationId = "registerVendor", summary = "Register a vendor",
            description = "Every bad field is a 400 naming it (unknown service, bad country or currency code, negative rate, "
                    + "bad URL, missing secret, code or name already registered) and nothing is written.")
    @ApiResponse(responseCode = "201", description = "Registered", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "Registered by someone else at the same moment; nothing written")
    ResponseEntity<VendorViews.Details> register(@RequestBody(required = false) VendorViews.Registration body, Authentication user) {
        if (body == null) {
            throw new BadRequestException(Map.of("body", "is required"));
        }
        VendorViews.Details created = VendorViews.Details.of(invalidAs400(() -> register.register(body.code(), body.terms(), user.getName())));
        return ResponseEntity.created(URI.create("/api/vendors/" + created.id())).body(created);
    }

    @PutMapping("/{vendorId}")
    @Operation(operationId = "updateVendor", summary = "Replace a vendor's contract (its code stays)",
            description = "A left-out callbackSecret keeps the current one. Bad fields: a 400 naming each, nothing written.")
    @ApiResponse(responseCode = "200", description = "Changed", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "Changed by someone else at the same moment; nothing written")
    VendorViews.Details update(@PathVariable Long vendorId, @RequestBody(required = false) VendorViews.Update body, Authentication user) {
        if (body == null) {
            throw new BadRequestException(Map.of("body", "is required"));
        }
        return VendorViews.Details.of(invalidAs400(() -> register.update(vendorId, body.terms(), user.getName())));
    }

    @PostMapping("/{vendorId}/deactivation")
    @Operation(operationId = "deactivateVendor", summary = "Deactivate a vendor: no new orders go to it; its open orders may still be answered",
            description = "Idempotent. Reactivate it by an update with active true.")
    @ApiResponse(responseCode = "200", description = "Deactivated", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "Changed by someone else at the same moment; nothing written")
    VendorViews.Details deactivate(@PathVariable Long vendorId, Authentication user) {
        return VendorViews.Details.of(register.deactivate(vendorId, user.getName()));
    }

    private static <T> T invalidAs400(Supplier<T> change) {
        try {
            return change.get();
        } catch (InvalidVendorException e) {
            throw new BadRequestException(e.getFieldErrors());
        }
    }
}
