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
    BENEFITS_ENROLMENT("benefits", "benefits-enrolment-confirmed");

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
     * decide), housing and moving (recorded; the process keeps waiting while the order goes to the next vendor, or the
     * specialists decide when none is left: VendorSlas).
     */
    public boolean mayBeRefused() {
        return this == IMMIGRATION_COUNSEL || this == PAYROLL_INSTRUCTION || this == TEMPORARY_HOUSING || this == HOUSEHOLD_SHIPMENT;
    }
    public String messageName() { return messageName; }
    public boolean awaitsCallback() { return messageName != null; }
}
