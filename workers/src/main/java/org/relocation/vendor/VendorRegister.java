package org.relocation.vendor;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The vendor register (docs/operations.md "Vendor register"): contracted vendors per service category and country
 * (optionally city), managed by HR administration and finance (/api/vendors), and the choice of an order's vendor.
 * <p>
 * <b>Which vendor an order goes to</b> ({@link #choose}): among the active vendors of the order's category in the
 * order's country (the host country; the home or host country of a payroll or tax return order), a vendor of the
 * case's host city comes before one covering the whole country (a vendor of another city does not cover it); among
 * equals the earliest registered (lowest id). None: the configured endpoint of the category
 * ({@code relocation.vendors.endpoints.<category>}), as before the register; none configured either: the order fails
 * with a message naming both (an incident after the worker's retries).
 * <p>
 * Callbacks are verified with the secret of the vendor the order went to: a registered vendor answers at
 * {@code /api/vendor-callbacks/<its code>}, a configured endpoint at {@code /api/vendor-callbacks/<category>}; a code
 * can therefore not be a category's name. A deactivated vendor gets no new orders but can still answer its open ones.
 */
@Service
public class VendorRegister {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final int MAX_SLA = 365;
    private static final BigDecimal MAX_PRICE = new BigDecimal("999999999.99");

    private final VendorRepository vendors;
    private final VendorProperties configured;
    private final Clock clock;

    VendorRegister(VendorRepository vendors, VendorProperties configured, Clock clock) {
        this.vendors = vendors;
        this.configured = configured;
        this.clock = clock;
    }

    /** The vendors, by category, country and registration; each filter null: not filtered. */
    @Transactional(readOnly = true)
    public List<Vendor> list(String service, String country, Boolean active) {
        return vendors.findAll(Sort.by("category", "country", "id")).stream()
                .filter(v -> service == null || v.getCategory().equals(service))
                .filter(v -> country == null || v.getCountry().equals(country))
                .filter(v -> active == null || v.isActive() == active)
                .toList();
    }

    @Transactional(readOnly = true)
    public Vendor get(Long id) {
        return vendors.findById(id).orElseThrow(() -> new VendorNotFoundException(id));
    }

    /** Registers a vendor; every bad field is named ({@link InvalidVendorException}) and nothing is written. */
    @Transactional
    public Vendor register(String code, VendorTerms terms, String user) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (code == null || !CODE.matcher(code).matches()) {
            errors.put("code", "is required: 2 to 40 characters of a-z, 0-9 and -, starting with a letter or digit (its callback path)");
        } else if (ServiceType.categories().contains(code) || configured.getEndpoints().containsKey(code)) {
            errors.put("code", "is the name of a configured endpoint's callback path; choose another");
        } else if (vendors.findByCode(code).isPresent()) {
            errors.put("code", "is already registered");
        }
        check(terms, null, errors);
        if (terms != null && (terms.callbackSecret() == null || terms.callbackSecret().isBlank())) {
            errors.putIfAbsent("callbackSecret", "is required when registering a vendor (16 to 200 characters)");
        }
        if (!errors.isEmpty()) {
            throw new InvalidVendorException(errors);
        }
        return vendors.save(new Vendor(code, terms, terms.callbackSecret(), user, clock.instant()));
    }

    /** Replaces a vendor's terms (its code stays); a callback secret left out keeps the current one. */
    @Transactional
    public Vendor update(Long id, VendorTerms terms, String user) {
        Vendor vendor = get(id);
        Map<String, String> errors = new LinkedHashMap<>();
        check(terms, vendor, errors);
        if (!errors.isEmpty()) {
            throw new InvalidVendorException(errors);
        }
        String secret = terms.callbackSecret() == null || terms.callbackSecret().isBlank() ? null : terms.callbackSecret();
        vendor.apply(terms, secret, user, clock.instant());
        return vendors.saveAndFlush(vendor);
    }

    /** Takes a vendor out of the choice of new orders; its open orders may still be answered. Idempotent. */
    @Transactional
    public Vendor deactivate(Long id, String user) {
        Vendor vendor = get(id);
        vendor.deactivate(user, clock.instant());
        return vendors.saveAndFlush(vendor);
    }

    /** The registered vendor an order of this type for this country and host city goes to (see the class comment). */
    @Transactional(readOnly = true)
    public Optional<Vendor> choose(ServiceType type, String country, String hostCity) {
        return covering(type, country, hostCity).stream().findFirst();
    }

    /**
     * Every active registered vendor covering an order of this type for this country and host city, in the order of
     * {@link #choose} (host city before whole country, then earliest registered): the vendors asked for quotes.
     */
    @Transactional(readOnly = true)
    public List<Vendor> covering(ServiceType type, String country, String hostCity) {
        if (country == null) {
            return List.of();
        }
        return vendors.findActive(type.vendor(), country).stream()
                .filter(v -> v.coversCity(hostCity))
                .sorted(Comparator.comparing((Vendor v) -> v.getCity() == null).thenComparing(Vendor::getId))
                .toList();
    }

    /** The endpoint of a registered vendor (active or not), signed with its secret. */
    @Transactional(readOnly = true)
    public VendorEndpoint endpointOf(Long vendorId) {
        Vendor v = get(vendorId);
        return new VendorEndpoint(v.getId(), v.getCode(), v.getEndpointUrl(), v.callbackSecret());
    }

    /** The endpoint of a registered vendor (null: the category's configured endpoint). */
    @Transactional(readOnly = true)
    public VendorEndpoint endpointFor(ServiceType type, Long vendorId) {
        return vendorId == null ? configuredEndpoint(type) : endpointOf(vendorId);
    }

    /** The endpoint of an order: its registered vendor's (even if deactivated since) or its category's configured one. */
    @Transactional(readOnly = true)
    public VendorEndpoint endpointOf(ServiceOrder order) {
        if (order.getVendorId() != null) {
            Vendor v = get(order.getVendorId());
            return new VendorEndpoint(v.getId(), v.getCode(), v.getEndpointUrl(), v.callbackSecret());
        }
        return configuredEndpoint(order.getServiceType());
    }

    /** The endpoint of a new order: the chosen registered vendor's, or the category's configured one. */
    @Transactional(readOnly = true)
    public VendorEndpoint endpointFor(ServiceType type, String country, String hostCity) {
        return choose(type, country, hostCity)
                .map(v -> new VendorEndpoint(v.getId(), v.getCode(), v.getEndpointUrl(), v.callbackSecret()))
                .orElseGet(() -> configuredEndpoint(type));
    }

    /**
     * The secret a callback at {@code /api/vendor-callbacks/<name>} must be signed with: the registered vendor's of that
     * code (active or not: it may answer its open orders), else the configured endpoint's of that name; empty: unknown.
     */
    @Transactional(readOnly = true)
    public Optional<String> callbackSecret(String name) {
        Optional<String> registered = vendors.findByCode(name).map(Vendor::callbackSecret);
        if (registered.isPresent()) {
            return registered;
        }
        VendorProperties.Endpoint e = configured.getEndpoints().get(name);
        return e == null || e.getSecret() == null || e.getSecret().isBlank() ? Optional.empty() : Optional.of(e.getSecret());
    }

    private VendorEndpoint configuredEndpoint(ServiceType type) {
        VendorProperties.Endpoint e;
        try {
            e = configured.endpoint(type.vendor());
        } catch (IllegalStateException notConfigured) {
            throw new IllegalStateException("No registered vendor covers this " + type + " order and "
                    + notConfigured.getMessage(), notConfigured);
        }
        return new VendorEndpoint(null, type.vendor(), e.getUrl(), e.getSecret());
    }

    private void check(VendorTerms t, Vendor current, Map<String, String> errors) {
        if (t == null) {
            errors.put("body", "is required");
            return;
        }
        if (t.name() == null || t.name().isBlank() || t.name().trim().length() > 120) {
            errors.put("name", "is required, at most 120 characters");
        } else {
            vendors.findByNameKey(Vendor.nameKey(t.name()))
                    .filter(other -> current == null || !other.getId().equals(current.getId()))
                    .ifPresent(other -> errors.put("name", "is already the name of vendor " + other.getCode()));
        }
        if (t.service() == null || !ServiceType.categories().contains(t.service())) {
            errors.put("service", "must be one of " + String.join(", ", ServiceType.categories()));
        }
        if (t.country() == null || !COUNTRIES.contains(t.country())) {
            errors.put("country", "must be an ISO 3166 alpha-2 country code in capitals, such as DE");
        }
        if (t.city() != null && (t.city().isBlank() || t.city().trim().length() > 100)) {
            errors.put("city", "must be 1 to 100 characters, or left out for the whole country");
        }
        if (t.currency() == null || Currency.getAvailableCurrencies().stream().noneMatch(c -> c.getCurrencyCode().equals(t.currency()))) {
            errors.put("currency", "must be an ISO 4217 currency code, such as EUR");
        }
        if (t.rates() == null || t.rates().isEmpty()) {
            errors.put("rates", "needs at least one rate");
        } else if (t.rates().size() > VendorRate.Unit.values().length) {
            errors.put("rates", "has at most one rate per unit");
        } else {
            Set<VendorRate.Unit> units = EnumSet.noneOf(VendorRate.Unit.class);
            for (int i = 0; i < t.rates().size(); i++) {
                VendorTerms.Rate r = t.rates().get(i);
                if (r == null || r.unit() == null) {
                    errors.put("rates[" + i + "].unit", "is required (" + EnumSet.allOf(VendorRate.Unit.class) + ")");
                } else if (!units.add(r.unit())) {
                    errors.put("rates[" + i + "].unit", "is given twice; one rate per unit");
                }
                if (r == null || r.unitPrice() == null || r.unitPrice().signum() < 0 || r.unitPrice().compareTo(MAX_PRICE) > 0
                        || r.unitPrice().stripTrailingZeros().scale() > 2) {
                    errors.put("rates[" + i + "].unitPrice", "is required: not negative, at most 999999999.99, at most 2 decimals");
                }
            }
        }
        sla("acknowledgementHours", t.acknowledgementHours(), 24 * MAX_SLA, errors);
        sla("confirmationBusinessDays", t.confirmationBusinessDays(), MAX_SLA, errors);
        sla("deliveryBusinessDays", t.deliveryBusinessDays(), MAX_SLA, errors);
        if (t.confirmationBusinessDays() != null && t.deliveryBusinessDays() != null
                && t.deliveryBusinessDays() < t.confirmationBusinessDays() && !errors.containsKey("deliveryBusinessDays")) {
            errors.put("deliveryBusinessDays", "must not be before the confirmation (confirmationBusinessDays)");
        }
        if (!validUrl(t.endpointUrl())) {
            errors.put("endpointUrl", "must be an absolute http or https URL with a host, at most 500 characters");
        }
        if (t.callbackSecret() != null && !t.callbackSecret().isBlank()
                && (t.callbackSecret().length() < 16 || t.callbackSecret().length() > 200 || !t.callbackSecret().strip().equals(t.callbackSecret()))) {
            errors.put("callbackSecret", "must be 16 to 200 characters without surrounding blanks");
        }
    }

    private static void sla(String field, Integer value, int max, Map<String, String> errors) {
        if (value == null || value < 1 || value > max) {
            errors.put(field, "is required, from 1 to " + max);
        }
    }

    /** An absolute http(s) URL with a host; {@value HttpVendorGateway#LOCAL_PORT} stands for this server's port (demo). */
    static boolean validUrl(String url) {
        if (url == null || url.isBlank() || url.length() > 500) {
            return false;
        }
        try {
            URI uri = new URI(url.trim().replace(HttpVendorGateway.LOCAL_PORT, "8080"));
            return uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
