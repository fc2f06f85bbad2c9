package org.relocation.inbound;

import org.operaton.bpm.engine.MismatchingMessageCorrelationException;
import org.operaton.bpm.engine.OptimisticLockingException;
import org.operaton.bpm.engine.RuntimeService;
import org.relocation.housing.HousingQuotes;
import org.relocation.housing.QuoteAnswer;
import org.relocation.housing.QuoteAnswered;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a vendor's quote answer, in one transaction with the callback's nonce; the last open quote of a request tells
 * the case's housing process ({@value HousingQuotes#ANSWERED_MESSAGE}, with {@value HousingQuotes#RECEIVED_VARIABLE} from
 * the quote records: whether one was received to choose from). If that process is not waiting (yet), nothing
 * is recorded and the vendor retries (409), as for orders.
 */
@Service
class QuoteCallbackCorrelation {

    private final HousingQuotes quotes;
    private final RuntimeService runtime;
    private final CallbackNonces nonces;

    QuoteCallbackCorrelation(HousingQuotes quotes, RuntimeService runtime, CallbackNonces nonces) {
        this.quotes = quotes;
        this.runtime = runtime;
        this.nonces = nonces;
    }

    @Transactional
    public QuoteAnswered accept(CallbackVerifier.SignedCallback signed, QuoteAnswer answer) {
        nonces.consume(signed.vendor(), signed.nonce(), signed.timestamp());
        QuoteAnswered answered = quotes.answer(signed.vendor(), answer);
        if (answered.allAnswered()) {
            try {
                runtime.createMessageCorrelation(HousingQuotes.ANSWERED_MESSAGE).processInstanceBusinessKey(answered.caseNumber())
                        .setVariable(HousingQuotes.RECEIVED_VARIABLE, answered.anyReceived()).correlateWithResult();
            } catch (MismatchingMessageCorrelationException | OptimisticLockingException e) {
                throw new CallbackCorrelation.NotWaitingException(answered.caseNumber(), HousingQuotes.ANSWERED_MESSAGE);
            }
        }
        return answered;
    }
}
