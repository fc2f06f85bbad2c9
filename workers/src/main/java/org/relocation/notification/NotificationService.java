package org.relocation.notification;

import org.relocation.relocationcase.RelocationCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;

/**
 * Tells the employee and the managers' mailbox about a case's outcome, over SMTP when a mail server is
 * configured (spring.mail.host), and keeps a record of each message. One message per case, kind and
 * recipient: a repeated call sends nothing more. A mail failure is technical: the caller retries.
 */
@Service
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    private final NotificationRepository notifications;
    private final ObjectProvider<JavaMailSender> mail;
    private final NotificationProperties properties;
    private final Clock clock;

    NotificationService(NotificationRepository notifications, ObjectProvider<JavaMailSender> mail,
                        NotificationProperties properties, Clock clock) {
        this.notifications = notifications;
        this.mail = mail;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public void notifyEmployeeAndManager(RelocationCase c, String kind, String subject, String body) {
        notify(c, kind, subject, body, List.of(c.getEmployeeEmail(), properties.getManagerMailbox()));
    }

    /** To the mobility specialists' and the managers' mailboxes (not the employee), e.g. a risk to the start date. */
    @Transactional
    public void notifySpecialistsAndManager(RelocationCase c, String kind, String subject, String body) {
        notify(c, kind, subject, body, List.of(properties.getSpecialistMailbox(), properties.getManagerMailbox()));
    }

    /**
     * To the mailboxes of roles (candidate groups such as finance or hr-lead, {@code relocation.notifications.role-mailboxes});
     * a role without a mailbox is reported and skipped.
     */
    @Transactional
    public void notifyRoles(RelocationCase c, String kind, String subject, String body, List<String> roles) {
        notify(c, kind, subject, body, mailboxes(c, kind, roles, new java.util.ArrayList<>()));
    }

    /** To the mobility specialists' mailbox and those of roles ({@link #notifyRoles}), e.g. finance. */
    @Transactional
    public void notifySpecialistsAndRoles(RelocationCase c, String kind, String subject, String body, List<String> roles) {
        notify(c, kind, subject, body, mailboxes(c, kind, roles, new java.util.ArrayList<>(List.of(properties.getSpecialistMailbox()))));
    }

    private List<String> mailboxes(RelocationCase c, String kind, List<String> roles, List<String> recipients) {
        for (String role : roles) {
            String mailbox = properties.getRoleMailboxes().get(role);
            if (mailbox == null) {
                log.warn("No mailbox for role {} (relocation.notifications.role-mailboxes): {} of case {} not sent to it", role, kind, c.getCaseNumber());
            } else if (!recipients.contains(mailbox)) {
                recipients.add(mailbox);
            }
        }
        return recipients;
    }

    /** Once per case, kind and recipient: a redelivered task sends nothing twice. */
    private void notify(RelocationCase c, String kind, String subject, String body, List<String> recipients) {
        for (String recipient : recipients) {
            if (notifications.existsByCaseIdAndKindAndRecipient(c.getId(), kind, recipient)) {
                continue;
            }
            JavaMailSender sender = mail.getIfAvailable();
            String status = "RECORDED";
            if (sender != null) {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(properties.getFrom());
                message.setTo(recipient);
                message.setSubject(subject);
                message.setText(body);
                sender.send(message);
                status = "SENT";
            }
            notifications.save(new Notification(c.getId(), recipient, subject, kind, status, clock.instant()));
            log.info("Notification {} for case {} {}", kind, c.getCaseNumber(), status.toLowerCase());
        }
    }

    @Transactional(readOnly = true)
    public List<Notification> notifications(Long caseId) {
        return notifications.findByCaseIdOrderById(caseId);
    }
}
