package org.relocation.relocationcase;

/** Kinds of move a relocation policy distinguishes. */
public enum AssignmentType {
    SHORT_TERM, LONG_TERM, PERMANENT_TRANSFER, LOCAL_HIRE
}
