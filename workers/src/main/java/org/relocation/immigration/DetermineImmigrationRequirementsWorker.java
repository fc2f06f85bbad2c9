package org.relocation.immigration;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Topic determine-immigration-requirements: the permit each traveller needs (permit catalogue), document
 * checklists; how many travellers need one (one counsel branch each); whether the employee is a posted
 * worker (A1 certificate and posting declaration, intra-EU/EEA).
 */
@Component
class DetermineImmigrationRequirementsWorker extends CaseWorker {

    private final ImmigrationService immigration;
    private final StartDateRisk startDateRisk;

    DetermineImmigrationRequirementsWorker(ImmigrationService immigration, StartDateRisk startDateRisk) {
        this.immigration = immigration;
        this.startDateRisk = startDateRisk;
    }

    @Override
    public String topic() {
        return "determine-immigration-requirements";
    }

    @Override
    public java.util.List<String> outputVariables() {
        return java.util.List.of("visaRequired", "permitTravellerCount", "postedWorker", "startDateRiskAt");
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        int needing = immigration.determineRequirements(task.caseId());
        boolean posted = immigration.determinePostedWorker(task.caseId());
        return Map.of("visaRequired", needing > 0, "permitTravellerCount", needing, "postedWorker", posted,
                "startDateRiskAt", startDateRisk.watchUntil(task.caseId()));
    }
}
