package org.relocation.ledger;

import java.util.EnumSet;
import java.util.Set;

/**
 * A payment's life: PLANNED (recorded, committed), APPROVED by finance (committed), PAID (actual, final) or CANCELLED
 * (final). PLANNED → APPROVED → PAID; PLANNED or APPROVED → CANCELLED; nothing leaves PAID or CANCELLED.
 */
public enum PaymentStatus {
    PLANNED, APPROVED, PAID, CANCELLED;

    /** The statuses this one may move to. */
    public Set<PaymentStatus> next() {
        return switch (this) {
            case PLANNED -> EnumSet.of(APPROVED, CANCELLED);
            case APPROVED -> EnumSet.of(PAID, CANCELLED);
            case PAID, CANCELLED -> EnumSet.noneOf(PaymentStatus.class);
        };
    }

    /** Counted as committed spend (planned or approved, not yet paid). */
    public boolean committed() {
        return this == PLANNED || this == APPROVED;
    }
}
