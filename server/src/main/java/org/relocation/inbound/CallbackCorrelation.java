package org.relocation.inbound;

import org.operaton.bpm.engine.MismatchingMessageCorrelationException;
import org.operaton.bpm.engine.OptimisticLockingException;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.MessageCorrelationBuilder;
import org.relocation.immigration.ImmigrationService;
import org.relocation.vendor.AcceptedCallback;
import org.relocation.vendor.CallbackRejectedException;
import org.relocation.vendor.ServiceOrder;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.VendorCallback;
import org.relocation.vendor.VendorService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a vendor's answer and correlates it to the waiting process as a BPMN message, in one
 * transaction with the callback's nonce: if the process is not waiting (yet), nothing is recorded and the vendor
 * retries; if the nonce was used before (on any node), the callback is a replay and nothing is recorded.
 */
@Service
class CallbackCorrelation {

    /** Local variable of the immigration process's await-counsel-decision: the branch's loop counter. */
    static final String COUNSEL_BRANCH = "counselBranch";
    /**
     * Local variable of a receive task awaiting one of several orders of the same service in a case, one per traveller
     * (relocation-destination-services: a school search per child): the order's traveller id, as text.
     */
    static final String ORDER_TRAVELLER = "orderTraveller";

    private final VendorService vendors;
    private final ImmigrationService immigration;
    private final RuntimeService runtime;
    private final CallbackNonces nonces;

    CallbackCorrelation(VendorService vendors, ImmigrationService immigration, RuntimeService runtime, CallbackNonces nonces) {
        this.vendors = vendors;
        this.immigration = immigration;
        this.runtime = runtime;
        this.nonces = nonces;
    }

    @Transactional
    public AcceptedCallback accept(CallbackVerifier.SignedCallback signed, VendorCallback callback) {
        nonces.consume(signed.vendor(), signed.nonce(), signed.timestamp()); // first: a replay waits here, then fails
        AcceptedCallback accepted = vendors.accept(signed.vendor(), callback);
        if (accepted.messageName() == null) {
            return accepted; // an interim status (counsel: SUBMITTED), recorded; nothing waits for it
        }
        MessageCorrelationBuilder correlation = runtime.createMessageCorrelation(accepted.messageName())
                .processInstanceBusinessKey(accepted.caseNumber())
                .setVariables(accepted.variables());
        if (accepted.serviceType() == ServiceType.IMMIGRATION_COUNSEL && accepted.travellerId() != null) {
            if (accepted.answer() == ServiceOrder.Status.APPROVED) {
                immigration.permitGranted(accepted.caseId(), accepted.travellerId(), accepted.permitNumber(),
                        accepted.validFrom(), accepted.validUntil());
            }
            // the traveller's counsel branch: its receive task holds the branch number as a local variable
            correlation.localVariableEquals(COUNSEL_BRANCH, immigration.counselBranchOf(accepted.caseId(), accepted.travellerId()));
        } else if (accepted.travellerId() != null) {
            // an order for one traveller: the receive task waiting for it holds the traveller's id
            correlation.localVariableEquals(ORDER_TRAVELLER, String.valueOf(accepted.travellerId()));
        }
        try {
            correlation.correlateWithResult();
        } catch (MismatchingMessageCorrelationException | OptimisticLockingException e) {
            // not waiting yet, or a concurrent step of the same case: nothing is recorded, the vendor retries
            throw new NotWaitingException(accepted.caseNumber(), accepted.messageName());
        }
        return accepted;
    }

    /** The case's process is not waiting for this message: 409, nothing recorded, retry later. */
    static class NotWaitingException extends CallbackRejectedException {
        NotWaitingException(String caseNumber, String message) {
            super(Reason.ALREADY_ANSWERED, "Case " + caseNumber + " is not waiting for " + message + "; retry later");
        }
    }
}
