package org.relocation.expense;

import org.relocation.document.DocumentCipher;
import org.relocation.fx.ExchangeRateService;
import org.relocation.ledger.PaymentLedger;
import org.relocation.estimate.EstimateProperties;
import org.relocation.platform.form.TaskFormHandler;
import org.relocation.policy.PolicyService;
import org.relocation.tax.TaxCalculationService;
import org.relocation.policyexception.PolicyExceptionService;
import org.relocation.relocationcase.CaseService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;
import java.util.Optional;

/**
 * Claims carry receipts, stored with the documents' key: like the documents, they are taken through the server's web
 * API only, so this is active in a web application (the server), not in the standalone workers, which hold no key.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ExpenseConfiguration {

    @Bean
    ExpenseClaims expenseClaims(ExpenseClaimRepository claims, ExpenseReceiptChunkRepository chunks, ExpenseReceiptAccessRepository accessLog,
                                CaseService cases, PaymentLedger ledger, ExchangeRateService rates, DocumentCipher cipher, Clock clock,
                                PlatformTransactionManager transactions, PolicyService policy, PolicyExceptionService exceptions,
                                Optional<ExpenseClaimProcess> process) {
        return new ExpenseClaims(claims, chunks, accessLog, cases, ledger, rates, cipher, clock, transactions, policy, exceptions, process);
    }

    @Bean
    ExpenseApprovals expenseApprovals(ExpenseClaimRepository claims, CaseService cases, PaymentLedger ledger, PolicyExceptionService exceptions,
                                      TaxCalculationService tax, EstimateProperties estimate, ExchangeRateService rates, Clock clock) {
        return new ExpenseApprovals(claims, cases, ledger, exceptions, tax, estimate, rates, clock);
    }

    @Bean
    TaskFormHandler approveExpenseClaimForm(ExpenseApprovals approvals, ExpenseClaimRepository claims, PolicyExceptionService exceptions) {
        return new ExpenseClaimForms.Approval(ExpenseClaimForms.APPROVE, approvals, claims, exceptions);
    }

    @Bean
    TaskFormHandler approveExpenseClaimFinanceForm(ExpenseApprovals approvals, ExpenseClaimRepository claims, PolicyExceptionService exceptions) {
        return new ExpenseClaimForms.Approval(ExpenseClaimForms.APPROVE_FINANCE, approvals, claims, exceptions);
    }

    @Bean
    TaskFormHandler decideExpenseExceptionForm(ExpenseApprovals approvals, ExpenseClaimRepository claims, PolicyExceptionService exceptions) {
        return new ExpenseClaimForms.ExceptionDecision(approvals, claims, exceptions);
    }
}
