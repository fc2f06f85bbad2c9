package org.relocation.destination;

import org.relocation.platform.form.FormContext;
import org.relocation.platform.form.FormSubmission;
import org.relocation.platform.form.TaskFormHandler;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The lease's two forms: the specialist records it, the HR lead decides a rent above the housing cap. */
final class LeaseForms {

    private LeaseForms() {
    }

    /** Form record-lease: the lease found by the home search, on the case (never in process variables). */
    @Component
    static class RecordLeaseForm implements TaskFormHandler {

        private final LeaseService leases;

        RecordLeaseForm(LeaseService leases) {
            this.leases = leases;
        }

        @Override
        public String formId() {
            return "record-lease";
        }

        @Override
        public Set<String> fields() {
            return Set.of("pd_leaseAddress", "pd_monthlyRent", "rentCurrency", "pd_depositAmount", "pd_leaseStart", "pd_leaseEnd");
        }

        @Override
        public Map<String, String> problems(FormSubmission s) {
            Map<String, String> problems = new LinkedHashMap<>();
            LeaseService.LeaseInput in = input(s, problems);
            leases.problems(in).forEach(problems::putIfAbsent);
            return problems;
        }

        @Override
        public void record(FormSubmission s) {
            leases.record(s.caseId(), input(s, new LinkedHashMap<>()), s.actor());
        }

        private static LeaseService.LeaseInput input(FormSubmission s, Map<String, String> problems) {
            return new LeaseService.LeaseInput(s.string("pd_leaseAddress"), number(s, "pd_monthlyRent", problems), s.string("rentCurrency"),
                    number(s, "pd_depositAmount", problems), date(s, "pd_leaseStart", problems), date(s, "pd_leaseEnd", problems));
        }

        private static java.math.BigDecimal number(FormSubmission s, String field, Map<String, String> problems) {
            java.math.BigDecimal v = s.decimal(field);
            if (v == null && s.string(field) != null) {
                problems.put(field, "Enter a number such as 1850.00.");
            }
            return v;
        }

        private static LocalDate date(FormSubmission s, String field, Map<String, String> problems) {
            try {
                return s.date(field);
            } catch (DateTimeParseException e) {
                problems.put(field, "Enter a date as yyyy-mm-dd.");
                return null;
            }
        }
    }

    /** Form approve-lease-exception (HR lead): approves or rejects the policy exception a rent above the cap asked for. */
    @Component
    static class LeaseExceptionForm implements TaskFormHandler {

        private final LeaseService leases;

        LeaseExceptionForm(LeaseService leases) {
            this.leases = leases;
        }

        @Override
        public String formId() {
            return "approve-lease-exception";
        }

        @Override
        public boolean approval() {
            return true;
        }

        @Override
        public Set<String> fields() {
            return Set.of("leaseExceptionDecision", "leaseExceptionComment");
        }

        @Override
        public Map<String, String> problems(FormSubmission s) {
            String decision = s.string("leaseExceptionDecision");
            if (!"approve".equals(decision) && !"reject".equals(decision)) {
                return Map.of("leaseExceptionDecision", "Choose approve or reject.");
            }
            if ("reject".equals(decision) && s.string("leaseExceptionComment") == null) {
                return Map.of("leaseExceptionComment", "Say why the rent above the cap is rejected: the specialist records another lease.");
            }
            if (!leases.awaitsDecision(s.caseId())) {
                return Map.of("leaseExceptionDecision", "The case's lease has no policy exception waiting for a decision.");
            }
            return Map.of();
        }

        @Override
        public void record(FormSubmission s) {
            leases.decideException(s.caseId(), "approve".equals(s.string("leaseExceptionDecision")), s.string("leaseExceptionComment"), s.actor());
        }

        @Override
        public Map<String, Object> context(FormContext context) {
            return leases.find(context.caseId()).<Map<String, Object>>map(l -> {
                Map<String, Object> brief = new LinkedHashMap<>();
                brief.put("monthlyRent", l.getMonthlyRent().toPlainString() + " " + l.getRentCurrency());
                brief.put("rentInPolicyCurrency", l.getRentPolicyAmount() == null ? "" : l.getRentPolicyAmount().toPlainString() + " EUR");
                brief.put("housingCap", l.getHousingCap() == null ? "" : l.getHousingCap().toPlainString() + " EUR");
                brief.put("leaseStart", String.valueOf(l.getLeaseStart()));
                brief.put("leaseEnd", String.valueOf(l.getLeaseEnd()));
                return Map.of("leaseBrief", brief);
            }).orElse(Map.of());
        }
    }
}
