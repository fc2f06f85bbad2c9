package org.relocation.vendor;

import org.relocation.platform.NotFoundException;

/** No order of that reference in the case (404). */
public class ServiceOrderNotFoundException extends NotFoundException {

    public ServiceOrderNotFoundException(Long caseId) {
        super("No service order of that reference in case " + caseId); // the reference is the caller's input: not echoed
    }
}
