package org.relocation.audit;

import org.relocation.relocationcase.CaseChangeLog;
import org.springframework.stereotype.Component;

import java.util.Map;

/** The case's audit-relevant changes (e.g. a reassigned specialist) go to its decision log as {@link DecisionKind#CASE_CHANGE}. */
@Component
class CaseChangeDecisions implements CaseChangeLog {

    private final DecisionLog decisions;

    CaseChangeDecisions(DecisionLog decisions) {
        this.decisions = decisions;
    }

    @Override
    public void caseChanged(Long caseId, String subject, String summary, Map<String, ?> details, String actor) {
        decisions.append(caseId, DecisionKind.CASE_CHANGE, subject, summary, details, actor == null ? DecisionLog.SYSTEM : actor);
    }
}
