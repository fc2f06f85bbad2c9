package org.relocation.immigration;

import org.relocation.keydate.KeyDateService;
import org.relocation.notification.NotificationService;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Date;

/**
 * The start date at risk: when the permits are not all granted {@code relocation.immigration.start-date-risk-days}
 * (30) days before the planned start date, specialists and managers are alerted and the specialist keeps or
 * moves the start date. The immigration process waits for {@link #watchUntil} on an engine timer.
 */
@Service
public class StartDateRisk {

    private final CaseService cases;
    private final ImmigrationService immigration;
    private final NotificationService notifications;
    private final KeyDateService keyDates;
    private final int daysBefore;

    StartDateRisk(CaseService cases, ImmigrationService immigration, NotificationService notifications, KeyDateService keyDates,
                  @Value("${relocation.immigration.start-date-risk-days:30}") int daysBefore) {
        if (daysBefore < 0) {
            throw new IllegalStateException("relocation.immigration.start-date-risk-days must not be negative, was " + daysBefore);
        }
        this.cases = cases;
        this.immigration = immigration;
        this.notifications = notifications;
        this.keyDates = keyDates;
        this.daysBefore = daysBefore;
    }

    /** When the risk starts: the configured number of days before the start date, 09:00 UTC (at once if that has passed). */
    @Transactional(readOnly = true)
    public Date watchUntil(Long caseId) {
        LocalDate start = cases.get(caseId).getStartDate();
        return Date.from(start.minusDays(daysBefore).atTime(LocalTime.of(9, 0)).toInstant(ZoneOffset.UTC));
    }

    /** Alerts specialists and managers, once per case and planned start date. */
    @Transactional
    public void alert(Long caseId) {
        RelocationCase c = cases.get(caseId);
        notifications.notifySpecialistsAndManager(c, "start-date-risk-" + c.getStartDate(),
                "Case " + c.getCaseNumber() + ": start date " + c.getStartDate() + " at risk",
                "Not every permit of case " + c.getCaseNumber() + " has been granted " + daysBefore
                        + " days before the planned start on " + c.getStartDate() + ". Decide in the Tasklist whether to keep or move the start date.");
    }

    /**
     * Moves the start date and re-plans what depends on it: the end date (the assignment keeps its length),
     * the assignment's key dates and the next watch.
     * @return the new {@link #watchUntil}
     */
    @Transactional
    public Date moveStartDate(Long caseId, LocalDate newStart) {
        cases.moveStartDate(caseId, newStart, null);
        keyDates.registerCaseKeyDates(caseId);
        immigration.determinePostedWorker(caseId);
        return watchUntil(caseId);
    }
}
