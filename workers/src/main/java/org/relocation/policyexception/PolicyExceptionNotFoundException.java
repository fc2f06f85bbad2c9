package org.relocation.policyexception;

import org.relocation.platform.NotFoundException;

/** No policy exception with this id. */
public class PolicyExceptionNotFoundException extends NotFoundException {

    public PolicyExceptionNotFoundException(Long id) {
        super("Policy exception " + id + " not found");
    }
}
