package org.relocation.payroll;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Topic schedule-payroll-payments: the payments ledger schedules the allowances of the case's finance-confirmed payroll
 * instruction ({@link PayrollInstructions#schedulePayments}); idempotent (the ledger records each due date once).
 */
@Component
class SchedulePayrollPaymentsWorker extends CaseWorker {

    private final PayrollInstructions instructions;

    SchedulePayrollPaymentsWorker(PayrollInstructions instructions) {
        this.instructions = instructions;
    }

    @Override
    public String topic() {
        return "schedule-payroll-payments";
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        instructions.schedulePayments(task.caseId(), "system");
        return Map.of();
    }
}
