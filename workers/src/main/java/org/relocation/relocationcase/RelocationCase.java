package org.relocation.relocationcase;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** The durable record of one relocation: who moves where, when, under which budget, and how far it got. */
@Entity
@Table(name = "relocation_case")
public class RelocationCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_number", nullable = false, updatable = false)
    private String caseNumber;

    @Enumerated(EnumType.STRING)
    private CaseStatus status;

    private String employeeName;
    private String employeeEmail;
    private String employeeUserId;
    private String homeCountry;
    private String homeCity;
    private String hostCountry;
    private String hostCity;

    @Enumerated(EnumType.STRING)
    private AssignmentType assignmentType;

    private LocalDate startDate;
    /** The duration of an assignment without an end date (a permanent transfer), for duration-based rules. */
    public static final int OPEN_ENDED_MONTHS = 60;

    private LocalDate endDate;
    private String costCentre;
    private BigDecimal budgetAmount;
    private String budgetCurrency;
    private Integer gradeLevel;
    /** Personal: annual base salary, only in the case records. */
    private BigDecimal baseSalaryAmount;
    private String baseSalaryCurrency;
    private String processInstanceId;
    /** The employee's line manager (a login of the manager role): decides the manager approval. */
    private String lineManagerUserId;
    /** The mobility specialist who runs the case (a login of the mobility-specialist role); null: the whole role. */
    private String specialistUserId;
    private String outcomeReason;
    private BigDecimal finalCostAmount;
    private String finalCostCurrency;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant closedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "relocationCase", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<Traveller> travellers = new ArrayList<>();

    protected RelocationCase() {
    }

    RelocationCase(String caseNumber, CaseIntake intake, Instant now) {
        this.caseNumber = caseNumber;
        this.status = CaseStatus.IN_PROGRESS;
        this.employeeName = intake.employeeName();
        this.employeeEmail = intake.employeeEmail();
        this.employeeUserId = intake.employeeUserId();
        this.homeCountry = intake.homeCountry();
        this.homeCity = intake.homeCity();
        this.hostCountry = intake.hostCountry();
        this.hostCity = intake.hostCity();
        this.assignmentType = AssignmentType.valueOf(intake.assignmentType());
        this.startDate = intake.startDate();
        this.endDate = intake.endDate();
        this.costCentre = intake.costCentre();
        this.budgetAmount = intake.budgetAmount();
        this.budgetCurrency = intake.budgetCurrency();
        this.gradeLevel = intake.gradeLevel();
        this.baseSalaryAmount = intake.baseSalaryAmount();
        this.baseSalaryCurrency = intake.baseSalaryCurrency();
        this.lineManagerUserId = intake.lineManagerUserId();
        this.specialistUserId = intake.specialistUserId();
        this.createdAt = now;
        this.updatedAt = now;
        travellers.add(new Traveller(this, Relationship.EMPLOYEE, intake.employeeName(), intake.nationality(), null));
        for (CaseIntake.Dependent d : intake.dependents()) {
            travellers.add(new Traveller(this, Relationship.valueOf(d.relationship()), d.fullName(), d.nationality(), d.birthDate()));
        }
    }

    /** A case that is never saved, to see what a draft intake would get (options advice). Validate the intake first. */
    public static RelocationCase draft(CaseIntake intake, Instant now) {
        return new RelocationCase("DRAFT", intake, now);
    }

    void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void assignSpecialist(String userId, Instant now) {
        this.specialistUserId = userId;
        this.updatedAt = now;
    }

    void finish(CaseStatus finalStatus, String reason, Instant now) {
        if (status.isFinal()) {
            return; // idempotent: the first outcome stands
        }
        this.status = finalStatus;
        this.outcomeReason = reason;
        this.closedAt = now;
        this.updatedAt = now;
    }

    /** Moves the assignment to a new start date, keeping its length: the end date moves by as many days. */
    void salaryReviewed(Money salary, Instant now) {
        this.baseSalaryAmount = salary.amount();
        this.baseSalaryCurrency = salary.currency().getCurrencyCode();
        this.updatedAt = now;
    }

    void moveStartDate(LocalDate newStart, Instant now) {
        long days = ChronoUnit.DAYS.between(startDate, newStart);
        this.startDate = newStart;
        this.endDate = endDate == null ? null : endDate.plusDays(days); // a permanent transfer may have none
        this.updatedAt = now;
    }

    List<String> revise(CaseService.Revision r, Instant now) {
        List<String> changed = new ArrayList<>();
        if (r.startDate() != null && !r.startDate().equals(startDate)) {
            startDate = r.startDate();
            changed.add("startDate");
        }
        if (r.endDate() != null && !r.endDate().equals(endDate)) {
            endDate = r.endDate();
            changed.add("endDate");
        }
        if (r.hostCity() != null && !r.hostCity().isBlank() && !r.hostCity().trim().equals(hostCity)) {
            hostCity = r.hostCity().trim();
            changed.add("hostCity");
        }
        if (r.budgetAmount() != null && r.budgetAmount().compareTo(budgetAmount) != 0) {
            budgetAmount = r.budgetAmount();
            changed.add("budgetAmount");
        }
        if (!changed.isEmpty()) {
            updatedAt = now;
        }
        return changed;
    }

    void recordFinalCost(Money finalCost, Instant now) {
        this.finalCostAmount = finalCost.amount();
        this.finalCostCurrency = finalCost.currency().getCurrencyCode();
        this.updatedAt = now;
    }

    public Money finalCost() {
        return finalCostAmount == null ? null : new Money(finalCostAmount, Currency.getInstance(finalCostCurrency));
    }

    /**
     * Whole months between start and end date, at least one; {@value #OPEN_ENDED_MONTHS} for a permanent transfer without
     * an end date (the longest duration the permit catalogue and the policy tables distinguish).
     */
    public int durationMonths() {
        if (endDate == null) {
            return OPEN_ENDED_MONTHS;
        }
        long months = ChronoUnit.MONTHS.between(startDate, endDate);
        if (startDate.plusMonths(months).isBefore(endDate)) {
            months++;
        }
        return (int) Math.max(1, months);
    }

    public boolean isInternational() {
        return !homeCountry.equals(hostCountry);
    }

    public Money budget() {
        return new Money(budgetAmount, Currency.getInstance(budgetCurrency));
    }

    /** Personal: the annual base salary. */
    public Money baseSalary() {
        return new Money(baseSalaryAmount, Currency.getInstance(baseSalaryCurrency));
    }

    public Traveller employee() {
        return travellers.stream().filter(t -> t.getRelationship() == Relationship.EMPLOYEE).findFirst()
                .orElseThrow(() -> new IllegalStateException("Case " + caseNumber + " has no employee traveller"));
    }

    public Long getId() { return id; }
    public String getCaseNumber() { return caseNumber; }
    public CaseStatus getStatus() { return status; }
    public String getEmployeeName() { return employeeName; }
    public String getEmployeeEmail() { return employeeEmail; }
    public String getEmployeeUserId() { return employeeUserId; }
    public String getHomeCountry() { return homeCountry; }
    public String getHomeCity() { return homeCity; }
    public String getHostCountry() { return hostCountry; }
    public String getHostCity() { return hostCity; }
    public AssignmentType getAssignmentType() { return assignmentType; }
    public LocalDate getStartDate() { return startDate; }
    /** The planned end, or null: a permanent transfer may have none. */
    public LocalDate getEndDate() { return endDate; }
    public String getCostCentre() { return costCentre; }
    public Integer getGradeLevel() { return gradeLevel; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getLineManagerUserId() { return lineManagerUserId; }
    public String getSpecialistUserId() { return specialistUserId; }
    public String getOutcomeReason() { return outcomeReason; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Instant getClosedAt() { return closedAt; }
    public List<Traveller> getTravellers() { return travellers; }
}
