package org.relocation.relocationcase.web;

import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.relocation.platform.engine.ProcessVariables;
import org.relocation.relocationcase.CaseIntake;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers an intake and starts its journey in one transaction: both happen, or neither. */
@Service
public class CaseOpening {

    private final CaseService cases;
    private final RuntimeService runtime;

    CaseOpening(CaseService cases, RuntimeService runtime) {
        this.cases = cases;
        this.runtime = runtime;
    }

    /** The case and the process instance that runs it. */
    public record Opened(RelocationCase relocationCase, String processInstanceId) {
    }

    @Transactional
    public Opened open(CaseIntake intake, String actor) {
        RelocationCase c = cases.register(intake, actor);
        ProcessInstance pi = runtime.startProcessInstanceByKey(ProcessVariables.PROCESS_KEY, c.getCaseNumber(), ProcessVariables.forCase(c));
        cases.attachProcess(c.getId(), pi.getId());
        return new Opened(c, pi.getId());
    }
}
