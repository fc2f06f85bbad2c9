package org.relocation.keydate;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.LocalDate;
import java.util.List;

public interface KeyDateReminderRepository extends JpaRepository<KeyDateReminder, Long> {

    boolean existsByKeyDateIdAndDueDateAndOffsetDaysAndRecipientRole(Long keyDateId, LocalDate dueDate, int offsetDays, String recipientRole);

    // JPQL, not a derived query: Hibernate keeps the plan of a JPQL string, a derived query is translated again on every call
    @Query("select r from KeyDateReminder r where r.keyDateId = ?1 and r.dueDate = ?2")
    List<KeyDateReminder> findByKeyDateIdAndDueDate(Long keyDateId, LocalDate dueDate);

    List<KeyDateReminder> findByKeyDateIdOrderById(Long keyDateId);

    long countByCaseId(Long caseId);
}
