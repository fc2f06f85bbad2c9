package org.relocation.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Sender address and the role mailboxes that get case notifications besides the employee. */
@ConfigurationProperties("relocation.notifications")
public class NotificationProperties {

    private String from = "relocation@example.com";
    private String managerMailbox = "mobility-managers@example.com";
    private String specialistMailbox = "mobility-specialists@example.com";

    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = from; }
    public String getManagerMailbox() { return managerMailbox; }
    public void setManagerMailbox(String managerMailbox) { this.managerMailbox = managerMailbox; }
    public String getSpecialistMailbox() { return specialistMailbox; }
    public void setSpecialistMailbox(String specialistMailbox) { this.specialistMailbox = specialistMailbox; }
}
