package org.relocation.vendor;

import org.relocation.platform.worker.MessageVariables;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * A vendor's answer to a legal-counsel request or a payroll instruction, and a housing confirmation's invoice check against
 * its quote, correlated into the waiting process ({@link VendorService#accept}).
 */
@Component
class VendorMessageVariables implements MessageVariables {

    @Override
    public Set<String> variables() {
        return Set.of(VendorService.COUNSEL_OUTCOME, VendorService.PAYROLL_OUTCOME, QuotedInvoices.ABOVE_QUOTE);
    }
}
