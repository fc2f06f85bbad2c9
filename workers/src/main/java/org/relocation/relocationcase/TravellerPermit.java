package org.relocation.relocationcase;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The permit a traveller needs, as decided from the permit catalogue: its code and category (NONE when
 * nothing is needed), why, how long it typically takes, and the rule's source and review date, so that a
 * specialist can check the decision.
 */
@Embeddable
public record TravellerPermit(
        @Column(name = "permit_code") String code,
        @Column(name = "permit_category") String category,
        @Column(name = "permit_name") String name,
        @Column(name = "permit_basis") String basis,
        @Column(name = "permit_processing_days_min") Integer processingDaysMin,
        @Column(name = "permit_processing_days_max") Integer processingDaysMax,
        @Column(name = "permit_source") String source,
        @Column(name = "permit_reviewed_on") LocalDate reviewedOn,
        @Column(name = "permit_decided_at") Instant decidedAt) {
}
