package org.relocation.benefits;

import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The benefits phase's records: the international cover arranged where the host country has no plan with the
 * benefits provider, and the employee's enrolment.
 */
@Service
public class BenefitsService {

    private final BenefitsEnrolmentRepository enrolments;
    private final InternationalCoverageRepository coverages;
    private final CaseService cases;
    private final BenefitsProperties properties;
    private final Clock clock;

    BenefitsService(BenefitsEnrolmentRepository enrolments, InternationalCoverageRepository coverages, CaseService cases,
                    BenefitsProperties properties, Clock clock) {
        this.enrolments = enrolments;
        this.coverages = coverages;
        this.cases = cases;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public InternationalCoverage coverageArranged(Long caseId, String provider, String notes, String actor) {
        InternationalCoverage coverage = coverages.findByCaseId(caseId).orElseGet(() -> new InternationalCoverage(caseId));
        coverage.arrange(clip(provider, 200), clip(notes, 2000), actor == null ? "unknown" : actor, clock.instant());
        return coverages.save(coverage);
    }

    /**
     * What contradicts the case in an enrolment: the host country's national plan where the benefits provider has none
     * there (determine-benefits-coverage then raised no-host-coverage, and HR administration arranged international
     * cover instead).
     */
    @Transactional(readOnly = true)
    public Map<String, String> enrolmentProblems(Long caseId, HealthPlan plan) {
        if (plan != HealthPlan.HOST_NATIONAL) {
            return Map.of();
        }
        RelocationCase c = cases.get(caseId);
        if (properties.covers(c.getHostCountry())) {
            return Map.of();
        }
        return Map.of("healthPlan", "cannot be host-national: the benefits provider has no national plan in " + c.getHostCountry()
                + (coverages.findByCaseId(caseId).isPresent() ? " and international cover was arranged" : "")
                + "; choose international or home-continued");
    }

    @Transactional
    public BenefitsEnrolment enrolled(Long caseId, HealthPlan plan, PensionContinuation pension, String actor) {
        BenefitsEnrolment enrolment = enrolments.findByCaseId(caseId).orElseGet(() -> new BenefitsEnrolment(caseId));
        enrolment.confirm(plan, pension, actor == null ? "unknown" : actor, clock.instant());
        return enrolments.save(enrolment);
    }

    @Transactional(readOnly = true)
    public Optional<BenefitsEnrolment> enrolment(Long caseId) {
        return enrolments.findByCaseId(caseId);
    }

    @Transactional(readOnly = true)
    public Optional<InternationalCoverage> coverage(Long caseId) {
        return coverages.findByCaseId(caseId);
    }

    private static String clip(String s, int max) {
        return s == null || s.isBlank() ? null : s.substring(0, Math.min(s.length(), max));
    }
}
