package org.relocation.bench;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cases the benchmark opens, cycling through ten templates: assignment types, countries and budgets are
 * chosen so that some cases need a visa (employee documents, specialist validation, immigration counsel),
 * some hosts have no benefits coverage (HR arranges international cover), and one in ten is over budget
 * (finance approval). Every case is eligible and every decision is positive, so every case reaches COMPLETED.
 */
final class CaseMix {

    /** One kind of case and the journey it takes. */
    record Template(String label, String nationality, String homeCountry, String homeCity, String hostCountry, String hostCity,
                    String assignmentType, int months, String budget, String currency, boolean withFamily,
                    boolean visa, boolean overBudget, boolean noHostCoverage, boolean postedWorker) {

        /**
         * User tasks the case needs: 7 on every path, plus documents and validation for a visa, finance, HR cover,
         * and the A1 / posting notification of a posted worker (intra-EU/EEA, up to 24 months).
         */
        int userTasks() {
            return 7 + (visa ? 2 : 0) + (overBudget ? 1 : 0) + (noHostCoverage ? 1 : 0) + (postedWorker ? 1 : 0);
        }

        /** External (service) tasks the job workers complete: 11 on every path, plus a counsel request per traveller for a visa. */
        int externalTasks() {
            return 11 + (visa ? (withFamily ? 3 : 1) : 0);
        }
    }

    static final List<Template> TEMPLATES = List.of(
            new Template("EU move, no visa", "DE", "DE", "Munich", "NL", "Amsterdam", "SHORT_TERM", 6, "100000", "EUR", false, false, false, false, true),
            new Template("visa", "IN", "GB", "London", "DE", "Berlin", "LONG_TERM", 24, "100000", "EUR", false, true, false, false, false),
            new Template("visa, family of three", "BR", "BR", "Sao Paulo", "US", "Austin", "PERMANENT_TRANSFER", 36, "150000", "USD", true, true, false, false, false),
            new Template("EU move, no visa", "FR", "FR", "Lyon", "ES", "Madrid", "SHORT_TERM", 6, "100000", "EUR", false, false, false, false, true),
            new Template("visa, no host benefits", "US", "US", "Boston", "AE", "Dubai", "LONG_TERM", 24, "500000", "AED", false, true, false, true, false),
            new Template("visa, over budget", "JP", "JP", "Tokyo", "SG", "Singapore", "LONG_TERM", 24, "5000", "SGD", false, true, true, false, false),
            new Template("local hire, no visa", "ES", "ES", "Valencia", "DE", "Hamburg", "LOCAL_HIRE", 12, "100000", "EUR", false, false, false, false, false),
            new Template("EU to CH, no visa", "NL", "NL", "Utrecht", "CH", "Zurich", "PERMANENT_TRANSFER", 36, "150000", "CHF", false, false, false, false, false),
            new Template("visa", "CA", "CA", "Toronto", "GB", "London", "SHORT_TERM", 6, "100000", "GBP", false, true, false, false, false),
            new Template("visa, no host benefits", "PL", "PL", "Warsaw", "BR", "Sao Paulo", "LONG_TERM", 24, "100000", "EUR", false, true, false, true, false));

    static final List<String> EMPLOYEES = List.of("employee", "employee2");

    private CaseMix() {
    }

    static Template template(int i) {
        return TEMPLATES.get(i % TEMPLATES.size());
    }

    static String employeeOf(int i) {
        return EMPLOYEES.get(i % EMPLOYEES.size());
    }

    /** The POST /api/cases body of the i-th case. */
    static Map<String, Object> intake(int i, String runId) {
        Template t = template(i);
        String user = employeeOf(i);
        LocalDate start = LocalDate.now().plusMonths(2).withDayOfMonth(1);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("employeeName", "Bench Employee " + runId + "-" + i);
        body.put("employeeEmail", user + "+" + runId + "-" + i + "@example.com");
        body.put("employeeUserId", user);
        body.put("nationality", t.nationality());
        body.put("homeCountry", t.homeCountry());
        body.put("homeCity", t.homeCity());
        body.put("hostCountry", t.hostCountry());
        body.put("hostCity", t.hostCity());
        body.put("assignmentType", t.assignmentType());
        body.put("startDate", start.toString());
        body.put("endDate", start.plusMonths(t.months()).toString());
        body.put("costCentre", "CC-BENCH-" + t.hostCountry());
        body.put("budgetAmount", t.budget());
        body.put("budgetCurrency", t.currency());
        if (t.withFamily()) {
            body.put("dependents", List.of(
                    Map.of("relationship", "PARTNER", "fullName", "Bench Partner " + i, "nationality", "PT", "birthDate", "1988-03-14"),
                    Map.of("relationship", "CHILD", "fullName", "Bench Child " + i, "nationality", t.nationality(), "birthDate", "2017-09-02")));
        }
        return body;
    }

    /** Expected user and external tasks of the first n cases. */
    static long[] expectedTasks(int n) {
        long user = 0;
        long external = 0;
        for (int i = 0; i < n; i++) {
            user += template(i).userTasks();
            external += template(i).externalTasks();
        }
        return new long[]{user, external};
    }
}
