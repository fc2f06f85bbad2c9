package org.relocation.notification;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface NotificationRepository extends JpaRepository<Notification, Long> {
    boolean existsByCaseIdAndKindAndRecipient(Long caseId, String kind, String recipient);

    List<Notification> findByCaseIdOrderById(Long caseId);
}
