package org.relocation.tax;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A tax year's equalisation (or protection) settlement of a case's employee, entered by finance and decided by another
 * member of finance (table {@code tax_settlement}, Flyway V25). Every figure in {@link #getCurrency()} (the home
 * country's): the hypothetical tax, what payroll withheld, the actual taxes and the settlement ({@link TaxSettlement}).
 * Nothing but the status, the decision and the payment moves after it is written. Amounts stay in this record: never in
 * process variables, logs or exception messages.
 */
@Entity
@Table(name = "tax_settlement")
public class TaxYearSettlement {

    public enum Status { AWAITING_APPROVAL, APPROVED, REJECTED }

    /** Where the hypothetical tax withheld came from. */
    public enum WithheldSource {
        /** Computed: the monthly hypothetical-tax withholding of the months of the tax year the assignment ran. */
        CASE,
        /** As finance entered it from payroll's year-end figures. */
        PAYROLL_REPORTED
    }

    /** One actual tax as entered, and converted into the settlement's currency. */
    @Embeddable
    public static class Line {
        @Column(name = "country", nullable = false, length = 2)
        private String country;
        @Column(name = "entered_amount", nullable = false)
        private BigDecimal enteredAmount;
        @Column(name = "entered_currency", nullable = false, length = 3)
        private String enteredCurrency;
        @Column(name = "amount", nullable = false)
        private BigDecimal amount;
        @Enumerated(EnumType.STRING)
        @Column(name = "paid_by", nullable = false)
        private ActualTax.PaidBy paidBy;

        protected Line() {
        }

        Line(String country, BigDecimal enteredAmount, String enteredCurrency, BigDecimal amount, ActualTax.PaidBy paidBy) {
            this.country = country;
            this.enteredAmount = enteredAmount;
            this.enteredCurrency = enteredCurrency;
            this.amount = amount;
            this.paidBy = paidBy;
        }

        public String getCountry() { return country; }
        public BigDecimal getEnteredAmount() { return enteredAmount; }
        public String getEnteredCurrency() { return enteredCurrency; }
        public BigDecimal getAmount() { return amount; }
        public ActualTax.PaidBy getPaidBy() { return paidBy; }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id", nullable = false, updatable = false)
    private Long caseId;
    @Column(name = "traveller_id", nullable = false, updatable = false)
    private Long travellerId;
    @Column(name = "tax_year", nullable = false, updatable = false)
    private int taxYear;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private TaxApproach approach;
    @Column(nullable = false, updatable = false, length = 3)
    private String currency;
    @Column(name = "hypothetical_tax", nullable = false, updatable = false)
    private BigDecimal hypotheticalTax;
    @Column(name = "hypothetical_withheld", nullable = false, updatable = false)
    private BigDecimal hypotheticalWithheld;
    @Enumerated(EnumType.STRING)
    @Column(name = "withheld_source", nullable = false, updatable = false)
    private WithheldSource withheldSource;
    @Column(name = "actual_taxes", nullable = false, updatable = false)
    private BigDecimal actualTaxes;
    @Column(name = "actual_paid_by_company", nullable = false, updatable = false)
    private BigDecimal actualPaidByCompany;
    @Column(name = "actual_paid_by_employee", nullable = false, updatable = false)
    private BigDecimal actualPaidByEmployee;
    @Column(name = "employee_burden", nullable = false, updatable = false)
    private BigDecimal employeeBurden;
    @Column(name = "company_tax_cost", nullable = false, updatable = false)
    private BigDecimal companyTaxCost;
    @Column(name = "settlement_amount", nullable = false, updatable = false)
    private BigDecimal amount;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private SettlementDirection direction;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "entered_by", nullable = false, updatable = false)
    private String enteredBy;
    @Column(name = "entered_at", nullable = false, updatable = false)
    private Instant enteredAt;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "decision_comment", length = 2000)
    private String decisionComment;
    @Column(name = "payment_id")
    private Long paymentId;
    @Column(name = "process_instance_id")
    private String processInstanceId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "tax_settlement_tax", joinColumns = @JoinColumn(name = "settlement_id"))
    @OrderColumn(name = "line_index")
    private List<Line> lines = new ArrayList<>();

    protected TaxYearSettlement() {
    }

    TaxYearSettlement(Long caseId, Long travellerId, TaxSettlement s, WithheldSource source, List<Line> lines, String enteredBy, Instant at) {
        this.caseId = caseId;
        this.travellerId = travellerId;
        this.taxYear = s.taxYear();
        this.approach = s.approach();
        this.currency = s.currency().getCurrencyCode();
        this.hypotheticalTax = s.hypotheticalTax();
        this.hypotheticalWithheld = s.hypotheticalTaxWithheld();
        this.withheldSource = source;
        this.actualTaxes = s.actualTaxes();
        this.actualPaidByCompany = s.actualTaxesPaidByCompany();
        this.actualPaidByEmployee = s.actualTaxesPaidByEmployee();
        this.employeeBurden = s.employeeTaxBurden();
        this.companyTaxCost = s.companyTaxCost();
        this.amount = s.amount().abs();
        this.direction = s.direction();
        this.status = Status.AWAITING_APPROVAL;
        this.enteredBy = enteredBy;
        this.enteredAt = at;
        this.lines = new ArrayList<>(lines);
    }

    void decide(boolean approved, String comment, Long paymentId, String actor, Instant at) {
        this.status = approved ? Status.APPROVED : Status.REJECTED;
        this.decisionComment = comment;
        this.paymentId = paymentId;
        this.decidedBy = actor;
        this.decidedAt = at;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** Whether money moves: the employee owes the company, or the company the employee. */
    public boolean isDue() {
        return direction != SettlementDirection.NONE && amount.signum() != 0;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public Long getTravellerId() { return travellerId; }
    public int getTaxYear() { return taxYear; }
    public TaxApproach getApproach() { return approach; }
    public String getCurrency() { return currency; }
    public BigDecimal getHypotheticalTax() { return hypotheticalTax; }
    public BigDecimal getHypotheticalWithheld() { return hypotheticalWithheld; }
    public WithheldSource getWithheldSource() { return withheldSource; }
    public BigDecimal getActualTaxes() { return actualTaxes; }
    public BigDecimal getActualPaidByCompany() { return actualPaidByCompany; }
    public BigDecimal getActualPaidByEmployee() { return actualPaidByEmployee; }
    public BigDecimal getEmployeeBurden() { return employeeBurden; }
    public BigDecimal getCompanyTaxCost() { return companyTaxCost; }
    /** The settlement's amount, 0 or more; {@link #getDirection()} says who owes it. */
    public BigDecimal getAmount() { return amount; }
    public SettlementDirection getDirection() { return direction; }
    public Status getStatus() { return status; }
    public String getEnteredBy() { return enteredBy; }
    public Instant getEnteredAt() { return enteredAt; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getDecisionComment() { return decisionComment; }
    public Long getPaymentId() { return paymentId; }
    public String getProcessInstanceId() { return processInstanceId; }
    public List<Line> getLines() { return List.copyOf(lines); }
}
