package org.relocation.relocationcase;

import java.util.Map;

/**
 * Where the audit-relevant changes of a case are recorded, in the caller's transaction (the decision log of
 * org.relocation.audit implements it). Logins only, never personal data.
 */
public interface CaseChangeLog {

    /**
     * Records one change of the case.
     *
     * @param actor who changed it, or null for the system
     */
    void caseChanged(Long caseId, String subject, String summary, Map<String, ?> details, String actor);
}
