package org.relocation.destination;

import org.relocation.fx.ExchangeRateService;
import org.relocation.fx.MissingExchangeRateException;
import org.relocation.keydate.KeyDateKind;
import org.relocation.keydate.KeyDateService;
import org.relocation.policy.PolicyService;
import org.relocation.policyexception.ExceptionCategory;
import org.relocation.policyexception.PolicyException;
import org.relocation.policyexception.PolicyExceptionService;
import org.relocation.relocationcase.CaseService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.money.CurrencyUnit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The lease the specialist records after the home search (form record-lease): checked field by field, its monthly
 * rent converted to the policy currency (EUR) and held against the policy's housing cap (relocation-allowances
 * housingCapMonthly). Above the cap a policy exception is asked (category housing) and the HR lead decides it
 * (form approve-lease-exception); an accepted lease's end becomes a key date (lease-end) with its reminders.
 */
@Service
public class LeaseService {

    static final BigDecimal MAX_RENT = new BigDecimal("1000000");
    static final BigDecimal MAX_DEPOSIT = new BigDecimal("10000000");
    static final int MAX_YEARS = 10;
    /** The policy clause a rent above the housing cap departs from. */
    static final String HOUSING_CAP_CLAUSE = "Housing cap";

    private final LeaseRepository leases;
    private final CaseService cases;
    private final PolicyService policy;
    private final ExchangeRateService rates;
    private final PolicyExceptionService exceptions;
    private final KeyDateService keyDates;
    private final Clock clock;

    LeaseService(LeaseRepository leases, CaseService cases, PolicyService policy, ExchangeRateService rates,
                 PolicyExceptionService exceptions, KeyDateService keyDates, Clock clock) {
        this.leases = leases;
        this.cases = cases;
        this.policy = policy;
        this.rates = rates;
        this.exceptions = exceptions;
        this.keyDates = keyDates;
        this.clock = clock;
    }

    /** What the specialist enters; amounts as text, as submitted. */
    public record LeaseInput(String address, BigDecimal monthlyRent, String rentCurrency, BigDecimal depositAmount,
                             LocalDate leaseStart, LocalDate leaseEnd) {
    }

    /** Field → problem of a lease as entered (empty: it may be recorded). */
    @Transactional(readOnly = true)
    public Map<String, String> problems(LeaseInput in) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (in.address() == null || in.address().isBlank()) {
            problems.put("pd_leaseAddress", "Enter the address of the rented home.");
        } else if (in.address().trim().length() < 5 || in.address().length() > 300) {
            problems.put("pd_leaseAddress", "The address must be 5 to 300 characters.");
        }
        Optional<CurrencyUnit> currency = ExchangeRateService.currency(in.rentCurrency());
        if (currency.isEmpty()) {
            problems.put("rentCurrency", "The rent currency must be an ISO 4217 code such as EUR.");
        } else if (!PolicyService.POLICY_CURRENCY.equals(currency.get().getCurrencyCode())) {
            try {
                rates.convert(BigDecimal.ONE, currency.get().getCurrencyCode(), ExchangeRateService.currency(PolicyService.POLICY_CURRENCY).orElseThrow(),
                        LocalDate.now(clock));
            } catch (MissingExchangeRateException e) {
                problems.put("rentCurrency", "The rent currency has no exchange rate to " + PolicyService.POLICY_CURRENCY
                        + " in effect today: finance loads rates, or enter the rent in " + PolicyService.POLICY_CURRENCY + ".");
            }
        }
        amount(problems, "pd_monthlyRent", "monthly rent", in.monthlyRent(), MAX_RENT, false, currency);
        amount(problems, "pd_depositAmount", "deposit", in.depositAmount(), MAX_DEPOSIT, true, currency);
        if (in.leaseStart() == null) {
            problems.put("pd_leaseStart", "Enter the date the lease starts.");
        }
        if (in.leaseEnd() == null) {
            problems.put("pd_leaseEnd", "Enter the date the lease ends.");
        } else if (in.leaseStart() != null && !in.leaseEnd().isAfter(in.leaseStart())) {
            problems.put("pd_leaseEnd", "The lease must end after it starts.");
        } else if (in.leaseStart() != null && in.leaseEnd().isAfter(in.leaseStart().plusYears(MAX_YEARS))) {
            problems.put("pd_leaseEnd", "The lease may run at most " + MAX_YEARS + " years.");
        }
        return problems;
    }

    private static void amount(Map<String, String> problems, String field, String what, BigDecimal value, BigDecimal max,
                               boolean zeroAllowed, Optional<CurrencyUnit> currency) {
        if (value == null) {
            problems.put(field, "Enter the " + what + " as a number such as 1850.00.");
        } else if (zeroAllowed ? value.signum() < 0 : value.signum() <= 0) {
            problems.put(field, "The " + what + " must be " + (zeroAllowed ? "0 or more." : "more than 0."));
        } else if (value.compareTo(max) > 0) {
            problems.put(field, "The " + what + " must be at most " + max.toPlainString() + ".");
        } else if (currency.isPresent() && value.stripTrailingZeros().scale() > currency.get().getDefaultFractionDigits()) {
            problems.put(field, "The " + what + " has more decimals than " + currency.get().getCurrencyCode() + " allows.");
        }
    }

    /** Records (or, after a refused exception, replaces) the case's lease; {@link #problems} must be empty. */
    @Transactional
    public Lease record(Long caseId, LeaseInput in, String actor) {
        Map<String, String> problems = problems(in);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("The lease has problems in " + problems.keySet());
        }
        cases.get(caseId);
        Lease lease = leases.findByCaseId(caseId).orElseGet(() -> new Lease(caseId));
        lease.record(in.address().trim(), in.monthlyRent(), in.rentCurrency().trim().toUpperCase(java.util.Locale.ROOT), in.depositAmount(),
                in.leaseStart(), in.leaseEnd(), actor == null ? "unknown" : actor, clock.instant());
        return leases.save(lease);
    }

    /**
     * Holds the recorded lease's rent (converted to EUR today) against the case's housing cap. Within it the lease is
     * accepted and its end registered as a key date; above it a policy exception is asked for the monthly excess. A cap
     * of 0 means the policy pays no rent (permanent transfers): the lease is accepted as the employee's own. A
     * redelivered task finds the lease checked and answers the same.
     *
     * @return whether the rent is within the cap
     */
    @Transactional
    public boolean checkRent(Long caseId) {
        Lease lease = lease(caseId);
        if (lease.getStatus() == Lease.Status.WITHIN_CAP) {
            return true;
        }
        if (lease.getStatus() == Lease.Status.EXCEPTION_REQUESTED) {
            return false;
        }
        CurrencyUnit eur = ExchangeRateService.currency(PolicyService.POLICY_CURRENCY).orElseThrow();
        BigDecimal rent = PolicyService.POLICY_CURRENCY.equals(lease.getRentCurrency()) ? lease.getMonthlyRent()
                : rates.convert(lease.getMonthlyRent(), lease.getRentCurrency(), eur, LocalDate.now(clock));
        BigDecimal cap = policy.allowances(caseId).housingCapMonthly();
        // a cap of 0: the policy pays no rent (permanent transfers), the employee's own lease is recorded as it is
        if (cap.signum() == 0 || rent.compareTo(cap) <= 0) {
            lease.checked(rent, cap, null);
            registerLeaseEnd(lease);
            return true;
        }
        BigDecimal excess = rent.subtract(cap).setScale(2, RoundingMode.HALF_UP);
        PolicyException exception = exceptions.requestDuringAssignment(caseId, new PolicyExceptionService.Request(
                ExceptionCategory.HOUSING.code(), excess.toPlainString(), PolicyService.POLICY_CURRENCY, HOUSING_CAP_CLAUSE,
                "The monthly rent of the recorded lease is " + excess.toPlainString() + " " + PolicyService.POLICY_CURRENCY
                        + " above the policy's monthly housing cap of " + cap.setScale(2, RoundingMode.HALF_UP).toPlainString() + " "
                        + PolicyService.POLICY_CURRENCY + "."), "system");
        lease.checked(rent, cap, exception.getId());
        return false;
    }

    /**
     * The HR lead decided the lease's exception: approved, the lease is accepted and its end a key date; rejected, the
     * lease is refused (the specialist records another). Idempotent.
     *
     * @return whether the lease is accepted
     */
    @Transactional
    public boolean settleException(Long caseId) {
        Lease lease = lease(caseId);
        if (lease.getStatus() == Lease.Status.ACCEPTED || lease.getStatus() == Lease.Status.REFUSED) {
            return lease.getStatus() == Lease.Status.ACCEPTED;
        }
        if (lease.getExceptionId() == null) {
            throw new IllegalStateException("The lease of case " + caseId + " asked no policy exception");
        }
        PolicyException exception = exceptions.get(lease.getExceptionId());
        if (exception.getStatus() == PolicyException.Status.REQUESTED) {
            throw new IllegalStateException("Policy exception " + exception.getId() + " of case " + caseId + " is not decided yet");
        }
        boolean accepted = exception.getStatus() == PolicyException.Status.APPROVED;
        lease.settled(accepted);
        if (accepted) {
            registerLeaseEnd(lease);
        }
        return accepted;
    }

    /** The HR lead's decision on the lease's open exception (form approve-lease-exception). */
    @Transactional
    public void decideException(Long caseId, boolean approved, String comment, String actor) {
        Lease lease = lease(caseId);
        if (lease.getExceptionId() == null || lease.getStatus() != Lease.Status.EXCEPTION_REQUESTED) {
            throw new IllegalStateException("The lease of case " + caseId + " has no exception to decide");
        }
        exceptions.decide(lease.getExceptionId(), approved, comment, actor);
    }

    /** Whether the case's lease waits for the HR lead's decision on its exception. */
    @Transactional(readOnly = true)
    public boolean awaitsDecision(Long caseId) {
        return leases.findByCaseId(caseId).filter(l -> l.getStatus() == Lease.Status.EXCEPTION_REQUESTED && l.getExceptionId() != null)
                .map(l -> exceptions.get(l.getExceptionId()).getStatus() == PolicyException.Status.REQUESTED).orElse(false);
    }

    private void registerLeaseEnd(Lease lease) {
        keyDates.register(lease.getCaseId(), null, KeyDateKind.LEASE_END.code(), lease.getLeaseEnd(), "Lease ends; renew or give notice");
    }

    @Transactional(readOnly = true)
    public Optional<Lease> find(Long caseId) {
        return leases.findByCaseId(caseId);
    }

    private Lease lease(Long caseId) {
        return leases.findByCaseId(caseId).orElseThrow(() -> new IllegalStateException("Case " + caseId + " has no recorded lease"));
    }
}
