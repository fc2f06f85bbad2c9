package org.relocation.demo;

import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;
import org.relocation.policyexception.PolicyExceptionService;
import org.relocation.relocationcase.CaseIntake;
import org.relocation.relocationcase.CaseRepository;
import org.relocation.relocationcase.web.CaseOpening;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Demo only, on an empty database: opens a handful of cases and moves them to different phases by
 * completing their tasks as the demo users would, so the Tasklist has work for every role.
 */
@Component
@Profile("demo") // never without the demo profile, whatever relocation.demo.* says (platform/configuration)
@ConditionalOnProperty(name = "relocation.demo.seed-cases", havingValue = "true")
class DemoCases {

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);
    private static final long WAIT_MILLIS = 60_000;

    private final CaseRepository cases;
    private final CaseOpening opening;
    private final TaskService tasks;
    private final IdentityService identity;
    private final PolicyExceptionService exceptions;

    DemoCases(CaseRepository cases, CaseOpening opening, TaskService tasks, IdentityService identity, PolicyExceptionService exceptions) {
        this.exceptions = exceptions;
        this.cases = cases;
        this.opening = opening;
        this.tasks = tasks;
        this.identity = identity;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void seed() {
        if (cases.count() > 0) {
            return;
        }
        Thread t = new Thread(this::seedCases, "demo-cases");
        t.setDaemon(true);
        t.start();
    }

    private void seedCases() {
        try {
            LocalDate start = LocalDate.now().plusMonths(2).withDayOfMonth(1);
            // 1. waits for the specialist's intake review
            open("Priya Raman", "employee", "IN", "GB", "London", "DE", "Berlin", "LONG_TERM", start, start.plusYears(2), "260000", 6, "95000", List.of());
            // 2. waits for the manager's approval
            String second = open("Lukas Weber", "employee2", "DE", "DE", "Munich", "NL", "Amsterdam", "SHORT_TERM", start, start.plusMonths(6), "60000", 5, "80000", List.of());
            complete(second, "review-intake", "specialist", "mobility-specialist", Map.of("intakeVerified", true, "reviewNotes", "Complete"));
            // 3. approved: immigration, housing, payroll and benefits in parallel (employee documents, kickoff call...)
            String third = open("Ana Souza", "employee", "BR", "BR", "Sao Paulo", "US", "Austin", "PERMANENT_TRANSFER", start, start.plusYears(3), "90000", 7, "120000",
                    List.of(new CaseIntake.Dependent("PARTNER", "Joao Souza", "PT", LocalDate.of(1988, 3, 14)),
                            new CaseIntake.Dependent("CHILD", "Lia Souza", "BR", LocalDate.of(2017, 9, 2))));
            complete(third, "review-intake", "specialist", "mobility-specialist", Map.of("intakeVerified", true, "reviewNotes", "Family of three"));
            complete(third, "approve-relocation", "manager", "manager", Map.of("managerDecision", "approve", "managerComment", "Key hire for Austin"));
            // 4. over budget: waits for finance
            String fourth = open("Kenji Sato", "employee2", "JP", "JP", "Tokyo", "SG", "Singapore", "LONG_TERM", start, start.plusYears(2), "50000", 5, "70000", List.of());
            complete(fourth, "review-intake", "specialist", "mobility-specialist", Map.of("intakeVerified", true, "reviewNotes", "Tight budget"));
            complete(fourth, "approve-relocation", "manager", "manager", Map.of("managerDecision", "approve", "managerComment", "Approved; finance to confirm"));
            // 6. a policy exception asked in intake: after the manager, the HR lead decides it (then finance: above its threshold)
            String sixth = open("Noah Berg", "employee2", "SE", "DE", "Berlin", "GB", "London", "LONG_TERM", start, start.plusYears(2), "350000", 7, "98000",
                    List.of(new CaseIntake.Dependent("CHILD", "Mila Berg", "SE", LocalDate.of(2016, 4, 20))));
            awaitTask(sixth, "review-intake");
            exceptions.request(cases.findByCaseNumber(sixth).orElseThrow().getId(), new PolicyExceptionService.Request("schooling", "18000.00", "EUR",
                    "GM-5.4", "Bilingual school place in London; the policy cap covers only local schools"), "specialist");
            complete(sixth, "review-intake", "specialist", "mobility-specialist", Map.of("intakeVerified", true, "reviewNotes", "Exception asked for schooling"));
            complete(sixth, "approve-relocation", "manager", "manager", Map.of("managerDecision", "approve", "managerComment", "Supported"));
            // 5. not eligible: a domestic local hire ends at intake
            open("Chloe Martin", "employee", "FR", "FR", "Lyon", "FR", "Paris", "LOCAL_HIRE", start, start.plusYears(1), "3000", 4, "55000", List.of());
            log.info("Demo cases ready: log in to the Tasklist as specialist, manager, finance, hrlead, director or employee (password demo)");
        } catch (RuntimeException e) {
            log.warn("Demo cases not fully seeded: {}", e.getMessage());
        }
    }

    private String open(String name, String userId, String nationality, String home, String homeCity, String host, String hostCity,
                        String type, LocalDate start, LocalDate end, String budget, int grade, String salary,
                        List<CaseIntake.Dependent> dependents) {
        CaseIntake intake = new CaseIntake(name, userId + "@example.com", userId, nationality, home, homeCity, host, hostCity, type,
                start, end, "CC-" + host + "-100", new BigDecimal(budget), "EUR",
                grade, new BigDecimal(salary), "EUR", dependents, "manager", null); // the demo's line manager; the specialist by the rule
        return opening.open(intake, "demo").relocationCase().getCaseNumber();
    }

    private void complete(String caseNumber, String taskKey, String user, String group, Map<String, Object> variables) {
        Task task = awaitTask(caseNumber, taskKey);
        try {
            identity.setAuthentication(user, List.of(group));
            tasks.claim(task.getId(), user);
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    private Task awaitTask(String caseNumber, String taskKey) {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(taskKey).singleResult();
            if (task != null) {
                return task;
            }
            try {
                Thread.sleep(200); // waiting for job workers in a background seeding thread, not in a test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while seeding demo cases", e);
            }
        }
        throw new IllegalStateException("Task " + taskKey + " of demo case " + caseNumber + " did not appear");
    }
}
