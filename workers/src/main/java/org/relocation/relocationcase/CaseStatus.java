package org.relocation.relocationcase;

/** Lifecycle of a case; everything but IN_PROGRESS is final. */
public enum CaseStatus {
    IN_PROGRESS, COMPLETED, REJECTED, INELIGIBLE, CANCELLED;

    public boolean isFinal() {
        return this != IN_PROGRESS;
    }
}
