package org.relocation.relocationcase;

import org.relocation.platform.NotFoundException;

/** No case with that id or number. */
public class CaseNotFoundException extends NotFoundException {
    public CaseNotFoundException(Object key) {
        super("No relocation case " + key);
    }
}
