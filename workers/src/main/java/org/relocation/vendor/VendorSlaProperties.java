package org.relocation.vendor;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Vendor SLAs ({@code relocation.vendors.sla}, docs/journey.md "Vendor SLAs"): the deadlines of orders that go to a
 * configured endpoint (no registered vendor, hence no contract terms), and the grace the watcher leaves a reminded
 * vendor, in business days of the vendor's country, before it escalates to the specialists. The watcher's cycle is
 * {@code relocation.model-settings.vendor-sla-watch-cycle} (the timer start event of process relocation-vendor-sla-watch).
 */
@ConfigurationProperties("relocation.vendors.sla")
public class VendorSlaProperties {

    private int acknowledgementHours = 24;
    private int confirmationBusinessDays = 3;
    private int deliveryBusinessDays = 10;
    private int graceBusinessDays = 1;

    public int getAcknowledgementHours() { return acknowledgementHours; }
    public void setAcknowledgementHours(int acknowledgementHours) { this.acknowledgementHours = acknowledgementHours; }
    public int getConfirmationBusinessDays() { return confirmationBusinessDays; }
    public void setConfirmationBusinessDays(int confirmationBusinessDays) { this.confirmationBusinessDays = confirmationBusinessDays; }
    public int getDeliveryBusinessDays() { return deliveryBusinessDays; }
    public void setDeliveryBusinessDays(int deliveryBusinessDays) { this.deliveryBusinessDays = deliveryBusinessDays; }
    public int getGraceBusinessDays() { return graceBusinessDays; }
    public void setGraceBusinessDays(int graceBusinessDays) { this.graceBusinessDays = graceBusinessDays; }
}
