package org.relocation.quote;

import org.relocation.platform.worker.MessageVariables;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * The last quote answer of a request tells the waiting process whether a quote was received (inbound
 * QuoteCallbackCorrelation): the housing process ({@value ServiceQuotes#HOUSING_RECEIVED}) or relocation-service-quotes
 * ({@value ServiceQuotes#RECEIVED_VARIABLE}).
 */
@Component
class QuoteMessageVariables implements MessageVariables {

    @Override
    public Set<String> variables() {
        return Set.of(ServiceQuotes.HOUSING_RECEIVED, ServiceQuotes.RECEIVED_VARIABLE);
    }
}
