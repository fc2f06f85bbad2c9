package org.relocation.expense;

import org.relocation.document.DocumentCipher;
import org.relocation.fx.ExchangeRateService;
import org.relocation.ledger.PaymentLedger;
import org.relocation.relocationcase.CaseService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;

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
                                PlatformTransactionManager transactions) {
        return new ExpenseClaims(claims, chunks, accessLog, cases, ledger, rates, cipher, clock, transactions);
    }
}
