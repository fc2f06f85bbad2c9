package org.relocation.payroll;

import org.relocation.relocationcase.CaseService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Optional;

/** The case's payroll set-up: confirmed by finance after the payroll instruction, read by later payroll work. */
@Service
public class PayrollSetups {

    private final PayrollSetupRepository setups;
    private final CaseService cases;
    private final Clock clock;

    PayrollSetups(PayrollSetupRepository setups, CaseService cases, Clock clock) {
        this.setups = setups;
        this.cases = cases;
        this.clock = clock;
    }

    /** Finance set up the payroll as instructed (the mode of the case's assignment type) under this reference. */
    @Transactional
    public PayrollSetup confirmed(Long caseId, String reference, String actor) {
        PayrollMode mode = PayrollMode.forAssignment(cases.get(caseId).getAssignmentType());
        PayrollSetup setup = setups.findByCaseId(caseId).orElseGet(() -> new PayrollSetup(caseId));
        setup.confirm(mode, reference == null ? null : reference.substring(0, Math.min(reference.length(), 100)),
                actor == null ? "unknown" : actor, clock.instant());
        return setups.save(setup);
    }

    @Transactional(readOnly = true)
    public Optional<PayrollSetup> ofCase(Long caseId) {
        return setups.findByCaseId(caseId);
    }
}
