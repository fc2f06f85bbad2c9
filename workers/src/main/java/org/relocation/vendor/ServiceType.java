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
    BENEFITS_ENROLMENT("benefits", null);

    private final String vendor;
    private final String messageName;

    ServiceType(String vendor, String messageName) {
        this.vendor = vendor;
        this.messageName = messageName;
    }

    public String vendor() { return vendor; }
    public String messageName() { return messageName; }
    public boolean awaitsCallback() { return messageName != null; }
}
