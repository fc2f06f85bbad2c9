package org.relocation.vendor;

import org.relocation.platform.NotFoundException;

/** No vendor with the id asked for (404). */
public class VendorNotFoundException extends NotFoundException {

    public VendorNotFoundException(Long id) {
        super("No vendor " + id);
    }
}
