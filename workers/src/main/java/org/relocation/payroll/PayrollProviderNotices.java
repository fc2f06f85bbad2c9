package org.relocation.payroll;

import org.relocation.notification.NotificationService;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What the mobility specialists are told about a compensation change's providers: late (the SLA passed without every
 * answer) or a refusal. Names the case, the version's reference and the payrolls (country), never an amount or the
 * provider's note (read on the instruction).
 */
@Component
class PayrollProviderNotices {

    private final PayrollInstructions instructions;
    private final CaseService cases;
    private final NotificationService notifications;

    PayrollProviderNotices(PayrollInstructions instructions, CaseService cases, NotificationService notifications) {
        this.instructions = instructions;
        this.cases = cases;
        this.notifications = notifications;
    }

    @Transactional
    void late(Long caseId) {
        PayrollInstruction pi = latest(caseId);
        RelocationCase c = cases.get(caseId);
        String awaited = payrolls(pi, PayrollProviderOrder.Status.SENT);
        notifications.notifySpecialistsAndManager(c, "payroll-provider-late:" + pi.getReference(),
                "Case " + c.getCaseNumber() + ": payroll provider has not answered " + pi.getReference(),
                "Compensation change " + pi.getReference() + " of case " + c.getCaseNumber() + " was sent to the payroll providers more than "
                        + "5 days ago; still awaited: " + awaited + ". Follow up with the provider; the case waits for its answer.");
    }

    @Transactional
    void refused(Long caseId) {
        PayrollInstruction pi = latest(caseId);
        RelocationCase c = cases.get(caseId);
        notifications.notifySpecialistsAndManager(c, "payroll-provider-refused:" + pi.getReference(),
                "Case " + c.getCaseNumber() + ": payroll provider refused " + pi.getReference(),
                "Compensation change " + pi.getReference() + " of case " + c.getCaseNumber() + " was refused by the provider of the "
                        + payrolls(pi, PayrollProviderOrder.Status.REFUSED) + " payroll; its note is on the case's payroll instructions. "
                        + "The version in force stays: correct the case records and ask for the change again.");
    }

    private PayrollInstruction latest(Long caseId) {
        List<PayrollInstruction> all = instructions.ofCase(caseId);
        return all.get(all.size() - 1);
    }

    private String payrolls(PayrollInstruction pi, PayrollProviderOrder.Status status) {
        String s = instructions.providerOrders(pi.getId()).stream().filter(o -> o.getStatus() == status)
                .map(o -> o.getPayroll() + " " + o.getCountry()).collect(Collectors.joining(", "));
        return s.isEmpty() ? "none" : s;
    }
}
