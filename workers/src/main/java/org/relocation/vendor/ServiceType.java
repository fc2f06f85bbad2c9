package org.relocation.vendor;

/** Services ordered from outside providers; those with a message name wait for the provider's callback. */
public enum ServiceType {
    IMMIGRATION_COUNSEL("immigration-counsel", "immigration-decision"),
    TEMPORARY_HOUSING("housing", "housing-confirmed"),
    HOUSEHOLD_SHIPMENT("moving", "shipment-confirmed"),
    PAYROLL_INSTRUCTION("payroll", "payroll-instruction-answered"),
    /** The pre-departure tax briefing: the provider confirms it was held (process relocation-tax-services waits). */
    TAX_BRIEFING("tax", "tax-briefing-answered"),
    /** A home or host tax return of one tax year: ordered, not awaited (its filing deadline is a key date). */
    TAX_RETURN("tax", null),
    /** The travellers' benefits enrolment: the vendor confirms it with the cover start (validFrom); relocation-benefits waits. */
    BENEFITS_ENROLMENT("benefits", "benefits-enrolment-confirmed"),
    /*
     * The family's services at destination (process relocation-destination-services, decided by the services policy):
     * each category's vendor confirms its order with the category's message, {@code <category>-confirmed}; per-traveller
     * orders (a school search per child, partner support) are told apart by their traveller.
     */
    /** Home search for a long-term lease; the specialist records the lease after the vendor confirms. */
    HOME_SEARCH("home-search", "home-search-confirmed"),
    /** A school search for one child of school age (the order's traveller). */
    SCHOOL_SEARCH("school-search", "school-search-confirmed"),
    /** Registration, bank account and utilities at destination. */
    DESTINATION_SERVICES("destination-services", "destination-services-confirmed"),
    /** Language and cultural training for the family. */
    LANGUAGE_TRAINING("language-training", "language-training-confirmed"),
    /** Career support for the partner (the order's traveller). */
    PARTNER_SUPPORT("partner-support", "partner-support-confirmed"),
    /** Employee assistance programme (EAP) and wellbeing enrolment of the family. */
    EAP_ENROLMENT("eap-enrolment", "eap-enrolment-confirmed");

    private final String vendor;
    private final String messageName;

    ServiceType(String vendor, String messageName) {
        this.vendor = vendor;
        this.messageName = messageName;
    }

    /**
     * The vendor category of this service (housing, moving, payroll, tax, benefits, immigration-counsel): the service
     * a registered vendor is contracted for ({@link Vendor#getCategory()}), and the name of the configured endpoint
     * used when no registered vendor covers an order.
     */
    public String vendor() { return vendor; }

    /** Every vendor category, sorted: the services a vendor can be registered for. */
    public static java.util.SortedSet<String> categories() {
        java.util.SortedSet<String> all = new java.util.TreeSet<>();
        for (ServiceType t : values()) {
            all.add(t.vendor);
        }
        return java.util.Collections.unmodifiableSortedSet(all);
    }

    /**
     * Whether a vendor may refuse an order of this service (REFUSED with a note): counsel and payroll (their processes
     * decide), and every {@linkplain #switchable() switchable} service (the order goes to the next vendor).
     */
    public boolean mayBeRefused() {
        return this == IMMIGRATION_COUNSEL || this == PAYROLL_INSTRUCTION || switchable();
    }

    /**
     * Whether the order goes to the next vendor when its vendor refuses or misses its SLA (VendorSlas): the services
     * whose processes wait for the vendor without a timer of their own, temporary housing, the household shipment and the
     * destination services. Counsel, payroll, tax and benefits have their own follow-up in their processes.
     */
    public boolean switchable() {
        return this == TEMPORARY_HOUSING || this == HOUSEHOLD_SHIPMENT || destinationService(vendor).isPresent();
    }

    public String messageName() { return messageName; }

    /** The destination service of a services-policy code ({@code school-search}), if it is one. */
    public static java.util.Optional<ServiceType> destinationService(String code) {
        for (ServiceType t : new ServiceType[] {HOME_SEARCH, SCHOOL_SEARCH, DESTINATION_SERVICES, LANGUAGE_TRAINING, PARTNER_SUPPORT, EAP_ENROLMENT}) {
            if (t.vendor.equals(code)) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }
    public boolean awaitsCallback() { return messageName != null; }
}
