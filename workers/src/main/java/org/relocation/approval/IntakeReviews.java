package org.relocation.approval;

import org.relocation.estimate.CostEstimate;
import org.relocation.estimate.CostEstimator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;

/** The specialist's reviews of a case's intake, one per intake round, oldest first. */
@Service
public class IntakeReviews {

    static final int NOTES_MAX = 2000;

    private final IntakeReviewRepository reviews;
    private final CostEstimator estimator;
    private final Clock clock;

    IntakeReviews(IntakeReviewRepository reviews, CostEstimator estimator, Clock clock) {
        this.reviews = reviews;
        this.estimator = estimator;
        this.clock = clock;
    }

    /** The intake was verified: recorded with the estimate version the reviewer had in front of them. */
    @Transactional
    public IntakeReview verified(Long caseId, String notes, String actor) {
        Integer version = estimator.latest(caseId).map(CostEstimate::getVersion).orElse(null);
        return reviews.save(new IntakeReview(caseId, version, clip(notes, NOTES_MAX), actor == null ? "unknown" : actor, clock.instant()));
    }

    @Transactional(readOnly = true)
    public List<IntakeReview> ofCase(Long caseId) {
        return reviews.findByCaseIdOrderByIdAsc(caseId);
    }

    static String clip(String s, int max) {
        return s == null || s.isBlank() ? null : s.substring(0, Math.min(s.length(), max));
    }
}
