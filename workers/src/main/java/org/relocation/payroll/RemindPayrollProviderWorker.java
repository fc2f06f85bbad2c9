package org.relocation.payroll;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Topic remind-payroll-provider: the SLA of the providers' answers to a compensation change passed (non-interrupting): the specialists are told which payrolls are awaited ({@link PayrollProviderNotices}; once per version). */
@Component
class RemindPayrollProviderWorker extends CaseWorker {

    private final PayrollProviderNotices notices;

    RemindPayrollProviderWorker(PayrollProviderNotices notices) {
        this.notices = notices;
    }

    @Override
    public String topic() {
        return "remind-payroll-provider";
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        notices.late(task.caseId());
        return Map.of();
    }
}
