package org.relocation.payroll;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Topic report-payroll-refusal: a provider refused a compensation change: the specialists are told (the version in force stays) ({@link PayrollProviderNotices}; once per version). */
@Component
class ReportPayrollRefusalWorker extends CaseWorker {

    private final PayrollProviderNotices notices;

    ReportPayrollRefusalWorker(PayrollProviderNotices notices) {
        this.notices = notices;
    }

    @Override
    public String topic() {
        return "report-payroll-refusal";
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        notices.refused(task.caseId());
        return Map.of();
    }
}
