package org.relocation.apidocs;

import com.fasterxml.jackson.databind.DeserializationFeature;
import org.junit.jupiter.api.Test;
import org.relocation.ServerTest;
import org.relocation.client.ApiClient;
import org.relocation.client.ApiException;
import org.relocation.client.api.CasesApi;
import org.relocation.client.model.CaseDetails;
import org.relocation.client.model.CaseIntake;
import org.relocation.client.model.CaseSummary;
import org.relocation.client.model.Dependent;
import org.relocation.client.model.OpenedCase;
import org.relocation.client.model.Problem;
import org.relocation.client.model.TimelineEntry;
import org.relocation.client.model.Traveller;
import org.relocation.client.model.ValidationProblem;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The API is a contract: a client generated from the reviewed document, docs/openapi.json (openapi-generator's Java
 * client, built into target/generated-test-sources by server/pom.xml), opens a case and reads it back, and reads the
 * problem body of a refusal, with nothing but what the document says. The client fails on any field the document
 * does not name and any value outside a documented enum, so what the server sends is what the document promises.
 */
@ServerTest
class ContractClientTest {

    @LocalServerPort
    int port;

    @Test
    void aGeneratedClientOpensACaseAndReadsItBack() throws ApiException {
        LocalDate start = LocalDate.now().plusMonths(4).withDayOfMonth(1);
        CaseIntake intake = intake(start)
                .addDependentsItem(new Dependent().relationship(Dependent.RelationshipEnum.PARTNER).fullName("Ravi Raman")
                        .nationality("IN").birthDate(LocalDate.of(1989, 4, 2)));

        OpenedCase opened = cases("specialist").openCase(intake);

        assertThat(opened.getId()).isPositive();
        assertThat(opened.getCaseNumber()).matches("RC-\\d{4}-\\d{6}");
        assertThat(opened.getProcessInstanceId()).isNotBlank();
        // once the intake is with the specialist, the timeline holds the steps of the intake process as well
        CaseDetails read = await().atMost(Duration.ofSeconds(60)).until(() -> cases("specialist").getCase(opened.getId()),
                c -> c.getOpenTasks().stream().anyMatch(t -> "review-intake".equals(t.getTaskKey())));
        assertThat(read.getId()).isEqualTo(opened.getId());
        assertThat(read.getCaseNumber()).isEqualTo(opened.getCaseNumber());
        assertThat(read.getStatus()).isEqualTo(CaseDetails.StatusEnum.IN_PROGRESS);
        assertThat(read.getEmployeeName()).isEqualTo("Priya Raman");
        assertThat(read.getEmployeeEmail()).isEqualTo("priya.client@example.com");
        assertThat(read.getEmployeeUserId()).isEqualTo("employee");
        assertThat(read.getHomeCountry()).isEqualTo("GB");
        assertThat(read.getHostCountry()).isEqualTo("DE");
        assertThat(read.getHostCity()).isEqualTo("Berlin");
        assertThat(read.getAssignmentType()).isEqualTo(CaseDetails.AssignmentTypeEnum.LONG_TERM);
        assertThat(read.getStartDate()).isEqualTo(start);
        assertThat(read.getEndDate()).isEqualTo(start.plusYears(2));
        assertThat(read.getBudget().getAmount()).isEqualByComparingTo("250000");
        assertThat(read.getBudget().getCurrency()).isEqualTo("EUR");
        assertThat(read.getCreatedAt()).isNotNull();
        assertThat(read.getTravellers()).extracting(Traveller::getRelationship)
                .containsExactlyInAnyOrder(Traveller.RelationshipEnum.EMPLOYEE, Traveller.RelationshipEnum.PARTNER);
        assertThat(read.getTravellers()).extracting(Traveller::getFullName).contains("Ravi Raman");
        assertThat(read.getCurrentPhases()).contains(CaseDetails.CurrentPhasesEnum.INTAKE);
        assertThat(read.getTimeline()).extracting(TimelineEntry::getKind, TimelineEntry::getPhase).contains(
                tuple(TimelineEntry.KindEnum.PHASE_ENTERED, "intake"), tuple(TimelineEntry.KindEnum.TASK_CREATED, "relocation-intake"));

        // the employee reads their own case, without the field groups the document says are not theirs
        CaseDetails own = cases("employee").getCase(opened.getId());
        assertThat(own.getCaseNumber()).isEqualTo(opened.getCaseNumber());
        assertThat(own.getBudget()).as("FINANCIALS: absent for the employee").isNull();
        assertThat(own.getBaseSalary()).as("SALARY: absent for the employee").isNull();

        assertThat(cases("specialist").listCases("IN_PROGRESS", null, "DE", null, null, null, 0, 100).getItems())
                .extracting(CaseSummary::getCaseNumber).contains(opened.getCaseNumber());
        assertThat(cases("specialist").listCases(null, null, null, opened.getCaseNumber().toLowerCase(java.util.Locale.ROOT), null, true, 0, 100)
                .getItems()).as("the case by its number, among the specialist's own (they opened it)")
                .extracting(CaseSummary::getCaseNumber).containsExactly(opened.getCaseNumber());
    }

    @Test
    void aRefusalIsAnApiExceptionWithTheDocumentedProblemBody() throws Exception {
        ApiClient specialist = client("specialist");
        CaseIntake bad = intake(LocalDate.now().plusMonths(4)).hostCountry("Germany").startDate(null);

        ApiException invalid = catchThrowableOfType(ApiException.class, () -> new CasesApi(specialist).openCase(bad));

        assertThat(invalid.getCode()).isEqualTo(400);
        ValidationProblem problem = specialist.getObjectMapper().readValue(invalid.getResponseBody(), ValidationProblem.class);
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getFieldErrors()).containsKeys("hostCountry", "startDate");

        ApiException missing = catchThrowableOfType(ApiException.class, () -> new CasesApi(specialist).getCase(999_999_999L));
        assertThat(missing.getCode()).isEqualTo(404);
        assertThat(specialist.getObjectMapper().readValue(missing.getResponseBody(), Problem.class).getStatus()).isEqualTo(404);

        ApiException forbidden = catchThrowableOfType(ApiException.class, () -> cases("employee").openCase(intake(LocalDate.now().plusMonths(4))));
        assertThat(forbidden.getCode()).isEqualTo(403);
    }

    private static CaseIntake intake(LocalDate start) {
        return new CaseIntake()
                .employeeName("Priya Raman")
                .employeeEmail("priya.client@example.com")
                .employeeUserId("employee")
                .nationality("IN")
                .homeCountry("GB")
                .homeCity("London")
                .hostCountry("DE")
                .hostCity("Berlin")
                .assignmentType(CaseIntake.AssignmentTypeEnum.LONG_TERM)
                .startDate(start)
                .endDate(start.plusYears(2))
                .costCentre("CC-DE-100")
                .budgetAmount(new BigDecimal("250000"))
                .budgetCurrency("EUR")
                .gradeLevel(6)
                .baseSalaryAmount(new BigDecimal("90000"))
                .baseSalaryCurrency("EUR")
                .lineManagerUserId("manager");
    }

    private CasesApi cases(String user) {
        return new CasesApi(client(user));
    }

    /** The generated client as an integrator would set it up: the server's address and HTTP Basic (demo password). */
    private ApiClient client(String user) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        client.setRequestInterceptor(request -> request.header("Authorization", "Basic " + credentials));
        // strict, unlike the generated default: a field the document does not name fails the test
        client.getObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return client;
    }
}
