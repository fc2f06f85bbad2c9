package org.relocation.immigration;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Topic determine-immigration-requirements: permit needed per traveller, document checklists. */
@Component
class DetermineImmigrationRequirementsWorker extends CaseWorker {

    private final ImmigrationService immigration;

    DetermineImmigrationRequirementsWorker(ImmigrationService immigration) {
        this.immigration = immigration;
    }

    @Override
    public String topic() {
        return "determine-immigration-requirements";
    }

    @Override
    public java.util.List<String> outputVariables() {
        return java.util.List.of("visaRequired");
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        return Map.of("visaRequired", immigration.determineRequirements(task.caseId()));
    }
}
