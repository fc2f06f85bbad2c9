package org.relocation.payroll;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.relocation.relocationcase.CaseService;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.VendorService;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Topic prepare-payroll-instruction: home, host or split payroll by assignment type, sent to payroll. */
@Component
class PreparePayrollInstructionWorker extends CaseWorker {

    private final CaseService cases;
    private final VendorService vendors;

    PreparePayrollInstructionWorker(CaseService cases, VendorService vendors) {
        this.cases = cases;
        this.vendors = vendors;
    }

    @Override
    public String topic() {
        return "prepare-payroll-instruction";
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        PayrollMode mode = PayrollMode.forAssignment(cases.get(task.caseId()).getAssignmentType());
        vendors.order(task.caseId(), ServiceType.PAYROLL_INSTRUCTION, task.taskId(), "Payroll: " + mode);
        return Map.of();
    }
}
