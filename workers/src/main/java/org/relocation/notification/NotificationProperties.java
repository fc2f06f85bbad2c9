package org.relocation.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Sender address and the role mailboxes that get case notifications besides the employee. */
@ConfigurationProperties("relocation.notifications")
public class NotificationProperties {

    private String from = "relocation@example.com";
    private String managerMailbox = "mobility-managers@example.com";
    private String specialistMailbox = "mobility-specialists@example.com";
    /** The mailbox of each approver role (candidate group), for approval reminders and escalations. */
    private java.util.Map<String, String> roleMailboxes = new java.util.HashMap<>(java.util.Map.of(
            "manager", "mobility-managers@example.com", "finance", "finance@example.com",
            "hr-lead", "hr-leads@example.com", "senior-manager", "senior-managers@example.com",
            "hr-admin", "hr-admin@example.com"));

    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = from; }
    public String getManagerMailbox() { return managerMailbox; }
    public void setManagerMailbox(String managerMailbox) { this.managerMailbox = managerMailbox; }
    public String getSpecialistMailbox() { return specialistMailbox; }
    public void setSpecialistMailbox(String specialistMailbox) { this.specialistMailbox = specialistMailbox; }
    public java.util.Map<String, String> getRoleMailboxes() { return roleMailboxes; }
    public void setRoleMailboxes(java.util.Map<String, String> roleMailboxes) { this.roleMailboxes = roleMailboxes; }
}
