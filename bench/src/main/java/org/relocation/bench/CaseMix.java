package org.relocation.bench;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cases the benchmark opens, cycling through ten templates: assignment types (all five), grades, countries and
 * budgets are chosen so that some cases need a visa (employee documents, specialist validation, immigration
 * counsel), some hosts have no benefits coverage (HR arranges international cover), one in ten is over budget
 * (finance approval for that reason), one in ten asks for a policy exception during intake (HR lead approval), and
 * the rest are within their budget. The services policy (relocation-services-policy) gives each template its
 * services at destination ({@code destinationServices}: items ordered, a school search per child and partner support
 * per partner counted apart; {@code homeSearch}: a lease to record). Every case is eligible (grade and duration fit docs/policies.md) and every
 * decision is positive, so every case reaches COMPLETED.
 *
 * <p>The approval route follows the routing table (docs/governance.md): the manager always; the HR lead per policy
 * exception; finance when over budget or when the estimate (plus the exceptions asked) is above EUR 150,000, which
 * realistic long-term assignments usually are; the second level for a permanent transfer above EUR 100,000.
 * Under the demo tables a permanent transfer gets no cost-of-living or housing allowance, and the two in the mix are
 * estimated at EUR 42-54k, so the mix has no second-level approval; {@link TaskForms} completes one when it appears.
 * {@code estimateEur} is the approximate estimate of the template (reporting currency, EUR, from
 * {@code POST /api/options-advice} with the demo rates, 2026-11-26), used only to predict the route for the load and
 * pace estimates; the benchmark completes whatever task the server creates.
 */
final class CaseMix {

    /** The exception one template asks for (POST /api/cases/{id}/policy-exceptions as the opener). */
    static final Map<String, Object> POLICY_EXCEPTION = Map.of(
            "category", "schooling", "amount", "12000.00", "currency", "EUR", "policyClause", "GM-5.4",
            "justification", "Bilingual school place");
    static final double POLICY_EXCEPTION_EUR = 12_000;

    /** One kind of case and the journey it takes. */
    record Template(String label, String nationality, String homeCountry, String homeCity, String hostCountry, String hostCity,
                    String assignmentType, int months, int grade, String salary, String salaryCurrency,
                    String budget, String currency, boolean withFamily,
                    boolean visa, boolean overBudget, boolean noHostCoverage, boolean postedWorker, boolean policyException,
                    double estimateEur, int destinationServices, boolean homeSearch) {

        /** What the route weighs: the estimate plus the exceptions asked, EUR. */
        double routedEur() {
            return estimateEur + (policyException ? POLICY_EXCEPTION_EUR : 0);
        }

        /** Finance approves: over budget, or above EUR 150,000 with the exceptions. */
        boolean finance() {
            return overBudget || routedEur() > 150_000;
        }

        /** The second level (director) approves a permanent transfer above EUR 100,000 with the exceptions. */
        boolean secondLevel() {
            return assignmentType.equals("PERMANENT_TRANSFER") && routedEur() > 100_000;
        }

        /**
         * User tasks the case needs: 7 on every path (review, manager approval, kick-off, payroll, benefits enrolment,
         * arrival, closure), plus documents and validation for a visa, the HR lead per exception, finance, the second
         * level, HR cover, the A1 / posting notification of a posted worker (intra-EU/EEA, up to 24 months), and the
         * lease after a home search (record-lease; its rent within the cap: no exception).
         * Choosing a housing quote and deciding an invoice above its quote are not predicted: the bench runs with
         * seed-vendors=false (one configured housing endpoint, so no quotes); {@link TaskForms} completes them if they appear.
         */
        int userTasks() {
            return 7 + (visa ? 2 : 0) + (policyException ? 1 : 0) + (finance() ? 1 : 0) + (secondLevel() ? 1 : 0)
                    + (noHostCoverage ? 1 : 0) + (postedWorker ? 1 : 0) + (homeSearch ? 1 : 0);
        }

        /**
         * External (service) tasks of the journey's own processes: 19 on every path (policy, estimate, route, record
         * approval, immigration requirements, 2 housing, 3 payroll: prepare the instruction, schedule its payments,
         * request the tax services; 2 tax services: order the briefing and the returns; 3 benefits: coverage, enrolment
         * order, the vendor's confirmation; 2 arrival, 2 closure), plus the estimate update after exception decisions and
         * a counsel request per traveller for a visa. The key-date processes the journey starts add their planning tasks
         * ({@link #KEY_DATE_PLANNING_PER_CASE}). The destination services add the services decision, one order per
         * service item the services policy gives ({@code destinationServices}: household goods go with the housing
         * phase's shipment) and the lease's rent check after a home search.
         */
        int externalTasks() {
            return 19 + (policyException ? 1 : 0) + (visa ? (withFamily ? 3 : 1) : 0) + 1 + destinationServices + (homeSearch ? 1 : 0);
        }
    }

    static final List<Template> TEMPLATES = List.of(
            new Template("EU move, no visa", "DE", "DE", "Munich", "NL", "Amsterdam", "SHORT_TERM", 6, 5, "85000", "EUR",
                    "60000", "EUR", false, false, false, false, true, false, 48_920, 2, false),
            new Template("visa", "IN", "GB", "London", "DE", "Berlin", "LONG_TERM", 24, 6, "80000", "GBP",
                    "175000", "EUR", false, true, false, false, false, false, 147_332, 4, true),
            new Template("visa, family of three, policy exception", "BR", "BR", "Sao Paulo", "US", "Austin", "PERMANENT_TRANSFER", 36, 7, "140000", "USD",
                    "80000", "USD", true, true, false, false, false, true, 42_400, 6, true),
            new Template("extended business travel, no visa", "FR", "FR", "Lyon", "ES", "Madrid", "EXTENDED_BUSINESS_TRAVELLER", 6, 4, "70000", "EUR",
                    "20000", "EUR", false, false, false, false, false, false, 15_360, 0, false),
            new Template("visa, no host benefits", "US", "US", "Boston", "AE", "Dubai", "LONG_TERM", 24, 8, "160000", "USD",
                    "1000000", "AED", false, true, false, true, false, false, 201_628, 4, true),
            new Template("visa, over budget", "JP", "JP", "Tokyo", "SG", "Singapore", "LONG_TERM", 24, 6, "12000000", "JPY",
                    "300000", "SGD", false, true, true, false, false, false, 234_711, 4, true),
            new Template("local hire, no visa", "ES", "ES", "Valencia", "DE", "Hamburg", "LOCAL_HIRE", 12, 3, "55000", "EUR",
                    "15000", "EUR", false, false, false, false, false, false, 9_470, 1, false),
            new Template("EU to CH, executive, no visa", "NL", "NL", "Utrecht", "CH", "Zurich", "PERMANENT_TRANSFER", 36, 9, "180000", "EUR",
                    "65000", "CHF", false, false, false, false, false, false, 53_900, 4, true),
            new Template("visa", "CA", "CA", "Toronto", "GB", "London", "SHORT_TERM", 6, 5, "110000", "CAD",
                    "65000", "GBP", false, true, false, false, false, false, 59_300, 2, false),
            new Template("visa, no host benefits", "PL", "PL", "Warsaw", "BR", "Sao Paulo", "LONG_TERM", 24, 5, "60000", "EUR",
                    "130000", "EUR", false, true, false, true, false, false, 104_800, 4, true));

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
        body.put("gradeLevel", t.grade());
        body.put("baseSalaryAmount", t.salary());
        body.put("baseSalaryCurrency", t.salaryCurrency());
        body.put("lineManagerUserId", "manager"); // the simulated team's one manager decides every manager approval
        if (t.withFamily()) {
            body.put("dependents", List.of(
                    Map.of("relationship", "PARTNER", "fullName", "Bench Partner " + i, "nationality", "PT", "birthDate", "1988-03-14"),
                    Map.of("relationship", "CHILD", "fullName", "Bench Child " + i, "nationality", t.nationality(), "birthDate", "2017-09-02")));
        }
        return body;
    }

    /**
     * Key-date planning tasks ({@code plan-key-date} of the key-date processes the journey starts: passport and permit
     * expiries, posting declaration, A1 end, assignment end, right-to-work recheck, tax-return filing deadlines,
     * presence-day thresholds) per case of this mix, as measured: 1740 for 200 cases on 2026-12-07 (720 on 2026-11-26,
     * before the tax services). They count for the pace (cases are opened at rate / tasks per case).
     */
    static final double KEY_DATE_PLANNING_PER_CASE = 8.7;

    /** Expected user and external tasks of the first n cases, the key-date planning included. */
    static long[] expectedTasks(int n) {
        long user = 0;
        long external = Math.round(n * KEY_DATE_PLANNING_PER_CASE);
        for (int i = 0; i < n; i++) {
            user += template(i).userTasks();
            external += template(i).externalTasks();
        }
        return new long[]{user, external};
    }
}
