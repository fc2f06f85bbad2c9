package org.relocation.relocationcase;

/** No case with that id or number. */
public class CaseNotFoundException extends RuntimeException {
    public CaseNotFoundException(Object key) {
        super("No relocation case " + key);
    }
}
