package org.relocation.payroll;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.time.LocalDate;

/** One line of a payroll instruction (never changed once written): which payroll pays (or withholds, or reports) what, how often, from when to when. */
@Entity
@Table(name = "payroll_instruction_item")
public class PayrollInstructionItem {

    /** Which payroll: home, host, or the host country's shadow payroll (reports pay for host tax; pays nothing). */
    public enum Payroll { HOME, HOST, SHADOW }

    /** What the line is. HYPOTHETICAL_TAX is withheld from pay, every other component paid. */
    public enum Component { BASE_SALARY, COST_OF_LIVING, HOUSING, PER_DIEM, HOME_LEAVE, SCHOOLING, RELOCATION_ALLOWANCE, HYPOTHETICAL_TAX }

    /** How often: MONTHLY, ANNUAL, ONE_OFF (on the start day), DAILY (each day from start to end). */
    public enum Frequency { MONTHLY, ANNUAL, ONE_OFF, DAILY }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "line_no", nullable = false)
    private int lineNo;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Payroll payroll;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Component component;
    @Column(nullable = false)
    private String currency;
    @Column(nullable = false)
    private BigDecimal amount;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Frequency frequency;
    @Column(name = "start_date", nullable = false)
    private LocalDate start;
    @Column(name = "end_date")
    private LocalDate end;
    @Column(nullable = false)
    private boolean taxable;

    protected PayrollInstructionItem() {
    }

    PayrollInstructionItem(Payroll payroll, Component component, String currency, BigDecimal amount, Frequency frequency,
                           LocalDate start, LocalDate end, boolean taxable) {
        this.payroll = payroll;
        this.component = component;
        this.currency = currency;
        this.amount = amount;
        this.frequency = frequency;
        this.start = start;
        this.end = end;
        this.taxable = taxable;
    }

    void numbered(int lineNo) {
        this.lineNo = lineNo;
    }

    public Long getId() { return id; }
    public int getLineNo() { return lineNo; }
    public Payroll getPayroll() { return payroll; }
    public Component getComponent() { return component; }
    public String getCurrency() { return currency; }
    /** To the currency's minor unit (the column keeps three decimals). */
    public BigDecimal getAmount() {
        return amount.setScale(Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits()), RoundingMode.HALF_EVEN);
    }
    public Frequency getFrequency() { return frequency; }
    public LocalDate getStart() { return start; }
    /** Null: until the assignment ends (a permanent transfer has no end). */
    public LocalDate getEnd() { return end; }
    public boolean isTaxable() { return taxable; }
}
