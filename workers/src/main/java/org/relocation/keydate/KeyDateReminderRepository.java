package org.relocation.keydate;

import org.springframework.data.jpa.repository.JpaRepository;

import java.time.LocalDate;
import java.util.List;

public interface KeyDateReminderRepository extends JpaRepository<KeyDateReminder, Long> {

    boolean existsByKeyDateIdAndDueDateAndOffsetDaysAndRecipientRole(Long keyDateId, LocalDate dueDate, int offsetDays, String recipientRole);

    List<KeyDateReminder> findByKeyDateIdAndDueDate(Long keyDateId, LocalDate dueDate);

    List<KeyDateReminder> findByKeyDateIdOrderById(Long keyDateId);

    long countByCaseId(Long caseId);
}
