package org.relocation.payroll;

import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.vendor.ServiceOrder;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.VendorService;
import org.springframework.stereotype.Component;

/**
 * Orders an instruction version from each of its payrolls' providers (HOME: the home country's payroll; HOST: the host
 * country's, with the shadow payroll), one vendor order each, to a provider of the payroll's country. An order names the version's reference, the payroll and
 * its country only: the provider reads the version through the signed API, never an amount in the message. The request
 * key (task id and payroll) makes a redelivered task reuse its orders.
 */
@Component
class PayrollProviderOrdering {

    private final PayrollInstructions instructions;
    private final VendorService vendors;
    private final CaseService cases;

    PayrollProviderOrdering(PayrollInstructions instructions, VendorService vendors, CaseService cases) {
        this.instructions = instructions;
        this.vendors = vendors;
        this.cases = cases;
    }

    void order(String taskId, PayrollInstruction pi) {
        RelocationCase c = cases.get(pi.getCaseId());
        for (PayrollInstructionItem.Payroll payroll : PayrollInstructions.providers(pi)) {
            String country = payroll == PayrollInstructionItem.Payroll.HOME ? c.getHomeCountry() : c.getHostCountry();
            boolean shadow = payroll == PayrollInstructionItem.Payroll.HOST && pi.isShadowPayroll();
            ServiceOrder order = vendors.order(pi.getCaseId(), null, ServiceType.PAYROLL_INSTRUCTION, country, taskId + ":" + payroll,
                    "Payroll instruction " + pi.getReference() + ", " + payroll + " payroll " + country
                            + (shadow ? " with the shadow payroll" : "") + " (" + pi.getPayrollDelivery() + " payroll)");
            instructions.ordered(pi.getReference(), payroll, country, order.getReference());
        }
    }
}
