package org.relocation.vendor;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A contracted vendor of one service category in one country (optionally one city) with its contract terms: rates in
 * its currency, SLAs (acknowledgement in clock hours, confirmation and delivery in business days), the endpoint its
 * orders go to and the secret that signs them and its callbacks (never shown: {@link #toString()} leaves it out).
 * Registered through {@link VendorRegister}; orders choose it there.
 */
@Entity
@Table(name = "vendor")
public class Vendor {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(updatable = false)
    private String code;
    private String name;
    private String nameKey;
    private String category;
    private String country;
    private String city;
    private String currency;
    private int acknowledgementHours;
    private int confirmationBusinessDays;
    private int deliveryBusinessDays;
    private String endpointUrl;
    private String callbackSecret;
    private boolean active;
    @Column(updatable = false)
    private Instant createdAt;
    @Column(updatable = false)
    private String createdBy;
    private Instant updatedAt;
    private String updatedBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "vendor_rate", joinColumns = @JoinColumn(name = "vendor_id"))
    private List<VendorRate> rates = new ArrayList<>();

    @Version
    private long version;

    protected Vendor() {
    }

    Vendor(String code, VendorTerms terms, String secret, String user, Instant now) {
        this.code = code;
        this.createdAt = now;
        this.createdBy = user;
        apply(terms, secret, user, now);
    }

    /** The terms replace the current ones; a null secret keeps the current secret. */
    void apply(VendorTerms terms, String secret, String user, Instant now) {
        this.name = terms.name().trim();
        this.nameKey = nameKey(terms.name());
        this.category = terms.service();
        this.country = terms.country();
        this.city = terms.city() == null || terms.city().isBlank() ? null : terms.city().trim();
        this.currency = terms.currency();
        this.acknowledgementHours = terms.acknowledgementHours();
        this.confirmationBusinessDays = terms.confirmationBusinessDays();
        this.deliveryBusinessDays = terms.deliveryBusinessDays();
        this.endpointUrl = terms.endpointUrl().trim();
        if (secret != null) {
            this.callbackSecret = secret;
        }
        this.active = terms.active() == null || terms.active();
        this.rates.clear();
        terms.rates().forEach(r -> this.rates.add(new VendorRate(r.unit(), r.unitPrice())));
        this.updatedAt = now;
        this.updatedBy = user;
    }

    void deactivate(String user, Instant now) {
        if (active) {
            active = false;
            updatedAt = now;
            updatedBy = user;
        }
    }

    /** Names are unique whatever their case and surrounding blanks. */
    static String nameKey(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    /** Whether this vendor serves the city (a city-wide vendor) or the whole of its country (no city). */
    boolean coversCity(String hostCity) {
        return city == null || (hostCity != null && city.equalsIgnoreCase(hostCity.trim()));
    }

    String callbackSecret() { return callbackSecret; }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getName() { return name; }
    /** The service category ({@link ServiceType#vendor()}). */
    public String getCategory() { return category; }
    public String getCountry() { return country; }
    /** The one city served, or null: the whole country. */
    public String getCity() { return city; }
    public String getCurrency() { return currency; }
    public int getAcknowledgementHours() { return acknowledgementHours; }
    public int getConfirmationBusinessDays() { return confirmationBusinessDays; }
    public int getDeliveryBusinessDays() { return deliveryBusinessDays; }
    public String getEndpointUrl() { return endpointUrl; }
    public boolean isActive() { return active; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getUpdatedBy() { return updatedBy; }
    public List<VendorRate> getRates() { return List.copyOf(rates); }
    public long getVersion() { return version; }

    @Override
    public String toString() {
        return "Vendor[" + id + " " + code + " " + category + " " + country + (city == null ? "" : " " + city) + "]";
    }
}
