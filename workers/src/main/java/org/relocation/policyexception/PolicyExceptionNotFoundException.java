package org.relocation.policyexception;

/** No policy exception with this id. */
public class PolicyExceptionNotFoundException extends RuntimeException {

    public PolicyExceptionNotFoundException(Long id) {
        super("Policy exception " + id + " not found");
    }
}
