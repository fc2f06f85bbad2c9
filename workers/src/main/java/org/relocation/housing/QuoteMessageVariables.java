package org.relocation.housing;

import org.relocation.platform.worker.MessageVariables;
import org.springframework.stereotype.Component;

import java.util.Set;

/** The last quote answer tells the housing process whether a quote was received (inbound QuoteCallbackCorrelation). */
@Component
class QuoteMessageVariables implements MessageVariables {

    @Override
    public Set<String> variables() {
        return Set.of(HousingQuotes.RECEIVED_VARIABLE);
    }
}
