package org.relocation.payroll;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.VendorService;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Topic prepare-payroll-instruction: builds the case's payroll instruction version ({@link PayrollInstructions}) and
 * orders it from the payroll provider. The order names the instruction's reference only: the provider reads the
 * instruction through the signed API, never salaries in the message.
 */
@Component
class PreparePayrollInstructionWorker extends CaseWorker {

    private final PayrollInstructions instructions;
    private final VendorService vendors;

    PreparePayrollInstructionWorker(PayrollInstructions instructions, VendorService vendors) {
        this.instructions = instructions;
        this.vendors = vendors;
    }

    @Override
    public String topic() {
        return "prepare-payroll-instruction";
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        PayrollInstruction pi = instructions.prepare(task.caseId(), "system");
        vendors.order(task.caseId(), ServiceType.PAYROLL_INSTRUCTION, task.taskId(), "Payroll instruction " + pi.getReference()
                + " (" + pi.getPayrollDelivery() + " payroll" + (pi.isShadowPayroll() ? ", host shadow payroll" : "") + ")");
        instructions.sent(pi.getReference());
        return Map.of();
    }
}
