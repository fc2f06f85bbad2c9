package org.relocation.relocationcase;

/** How a traveller relates to the relocating employee. */
public enum Relationship {
    EMPLOYEE, PARTNER, CHILD
}
