package org.relocation.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.relocation.platform.web.BadRequestException;
import org.relocation.vendor.CallbackRejectedException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The steps every signed vendor callback takes, whatever it answers (an order, a quote): {@link CallbackVerifier}
 * first (413, 401: nothing of the body is used before), then the body parsed (400 naming {@code body}), then its effect
 * (which consumes the nonce with what it records); a concurrent step of the same case winning at commit is a 409 with
 * nothing recorded, which the vendor retries.
 */
@Component
class SignedCallbacks {

    private final CallbackVerifier verifier;
    private final ObjectMapper json;

    SignedCallbacks(CallbackVerifier verifier, ObjectMapper json) {
        this.verifier = verifier;
        this.json = json;
    }

    /**
     * @param type    what the body holds
     * @param invalid the 400's sentence for a body that is not one ("is not a valid ... (its fields)")
     * @param effect  records the answer, in one transaction with the callback's nonce
     */
    <T, R> R accept(String vendor, HttpServletRequest request, Class<T> type, String invalid,
                    BiFunction<CallbackVerifier.SignedCallback, T, R> effect) {
        CallbackVerifier.SignedCallback signed = verifier.verify(vendor, request);
        T answer;
        try {
            answer = json.readValue(signed.body(), type);
        } catch (IOException e) {
            throw new BadRequestException(Map.of("body", invalid));
        }
        try {
            return effect.apply(signed, answer);
        } catch (org.springframework.dao.ConcurrencyFailureException | org.springframework.dao.DataIntegrityViolationException
                 | org.operaton.bpm.engine.OptimisticLockingException e) {
            // a concurrent step of the same case won at commit: nothing was recorded, the vendor retries
            throw new CallbackRejectedException(CallbackRejectedException.Reason.ALREADY_ANSWERED,
                    "The case changed concurrently; nothing was recorded, retry later");
        }
    }
}
