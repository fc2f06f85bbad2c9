package org.relocation.inbound;

import org.operaton.bpm.engine.MismatchingMessageCorrelationException;
import org.operaton.bpm.engine.OptimisticLockingException;
import org.operaton.bpm.engine.RuntimeService;
import org.relocation.quote.QuoteAnswer;
import org.relocation.quote.QuoteAnswered;
import org.relocation.quote.ServiceQuotes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a vendor's quote answer, in one transaction with the callback's nonce; the last open quote of a request tells
 * the process waiting for it: the case's housing process for its stay ({@value ServiceQuotes#HOUSING_ANSWERED}), or the
 * case's relocation-service-quotes of that item ({@value ServiceQuotes#ANSWERED_MESSAGE}, told apart by
 * {@value ServiceQuotes#ITEM_VARIABLE}), with whether one was received to choose from (from the quote records). If that
 * process is not waiting (yet), nothing is recorded and the vendor retries (409), as for orders.
 */
@Service
class QuoteCallbackCorrelation {

    private final ServiceQuotes quotes;
    private final RuntimeService runtime;
    private final CallbackNonces nonces;

    QuoteCallbackCorrelation(ServiceQuotes quotes, RuntimeService runtime, CallbackNonces nonces) {
        this.quotes = quotes;
        this.runtime = runtime;
        this.nonces = nonces;
    }

    @Transactional
    public QuoteAnswered accept(CallbackVerifier.SignedCallback signed, QuoteAnswer answer) {
        nonces.consume(signed.vendor(), signed.nonce(), signed.timestamp());
        QuoteAnswered answered = quotes.answer(signed.vendor(), answer);
        if (answered.allAnswered()) {
            String message = ServiceQuotes.answeredMessage(answered.item());
            try {
                var correlation = runtime.createMessageCorrelation(message).processInstanceBusinessKey(answered.caseNumber())
                        .setVariable(ServiceQuotes.receivedVariable(answered.item()), answered.anyReceived());
                if (!ServiceQuotes.HOUSING_ITEM.equals(answered.item())) {
                    correlation.processInstanceVariableEquals(ServiceQuotes.ITEM_VARIABLE, answered.item());
                }
                correlation.correlateWithResult();
            } catch (MismatchingMessageCorrelationException | OptimisticLockingException e) {
                throw new CallbackCorrelation.NotWaitingException(answered.caseNumber(), message);
            }
        }
        return answered;
    }
}
