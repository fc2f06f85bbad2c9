package org.relocation.destination;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.relocation.Api.vars;

/**
 * The lease through the HTTP API (engine REST completions, as the Tasklist sends them): every bad field is a 400 naming
 * it, nothing is written and the task stays open; a rent above the housing cap goes to the HR lead as a policy
 * exception, whose rejection needs a comment and sends the specialist back to record another lease.
 */
@ServerTest
class LeaseApiTest {

    private static final String ADDRESS = "Schoenhauser Allee 80, 10439 Berlin";

    @LocalServerPort
    int port;

    @Test
    void badLeaseFieldsAre400sNamingTheFieldAndNothingIsWritten() {
        Api specialist = Api.as(port, "specialist");
        long[] c = caseAtTheLease(specialist, "Bad lease input");
        String caseNumber = specialist.caseDetails(c[0]).get("caseNumber").asText();
        String task = specialist.awaitTask(caseNumber, "record-lease");

        // the form's own rules first (lengths, ranges), every bad field at once
        ResponseEntity<JsonNode> bad = specialist.complete(task, vars("pd_leaseAddress", "x", "pd_monthlyRent", 2000, "rentCurrency", "EUR",
                "pd_depositAmount", -5, "pd_leaseStart", "2027-03-01", "pd_leaseEnd", "2029-02-28"));
        assertThat(bad.getStatusCode().value()).as("%s", bad.getBody()).isEqualTo(400);
        JsonNode errors = bad.getBody().get("fieldErrors");
        assertThat(errors.get("pd_leaseAddress").asText()).as("%s", errors).contains("5 characters");
        assertThat(errors.has("pd_depositAmount")).as("%s", errors).isTrue();

        // then the lease's rules: an unknown currency
        ResponseEntity<JsonNode> currency = specialist.complete(task, vars("pd_leaseAddress", ADDRESS, "pd_monthlyRent", 2000, "rentCurrency", "XYZ",
                "pd_depositAmount", 6000, "pd_leaseStart", "2027-03-01", "pd_leaseEnd", "2029-02-28"));
        assertThat(currency.getStatusCode().value()).as("%s", currency.getBody()).isEqualTo(400);
        assertThat(currency.getBody().get("fieldErrors").get("rentCurrency").asText()).contains("ISO 4217");
        assertThat(currency.getBody().toString()).as("no address echoed").doesNotContain(ADDRESS);

        ResponseEntity<JsonNode> dates = specialist.complete(task, vars("pd_leaseAddress", ADDRESS, "pd_monthlyRent", 2000, "rentCurrency", "EUR",
                "pd_depositAmount", 6000, "pd_leaseStart", "2027-03-01", "pd_leaseEnd", "2027-02-01"));
        assertThat(dates.getStatusCode().value()).as("%s", dates.getBody()).isEqualTo(400);
        assertThat(dates.getBody().get("fieldErrors").get("pd_leaseEnd").asText()).contains("end after it starts");

        ResponseEntity<JsonNode> noRent = specialist.complete(task, vars("pd_leaseAddress", ADDRESS, "pd_monthlyRent", 0, "rentCurrency", "EUR",
                "pd_depositAmount", 6000, "pd_leaseStart", "2027-03-01", "pd_leaseEnd", "2029-02-28"));
        assertThat(noRent.getStatusCode().value()).as("%s", noRent.getBody()).isEqualTo(400);
        assertThat(noRent.getBody().get("fieldErrors").has("pd_monthlyRent")).as("%s", noRent.getBody()).isTrue();

        ResponseEntity<JsonNode> missing = specialist.complete(task, vars("pd_monthlyRent", 2000, "rentCurrency", "EUR",
                "pd_depositAmount", 6000, "pd_leaseStart", "2027-03-01", "pd_leaseEnd", "2029-02-28"));
        assertThat(missing.getStatusCode().value()).as("%s", missing.getBody()).isEqualTo(400);
        assertThat(missing.getBody().get("fieldErrors").has("pd_leaseAddress")).as("%s", missing.getBody()).isTrue();

        assertThat(specialist.awaitTask(caseNumber, "record-lease")).as("the task stays open").isEqualTo(task);
        assertThat(specialist.caseDetails(c[0]).has("lease")).as("no lease written").isFalse();
    }

    @Test
    void aRentAboveTheCapNeedsTheHrLeadAndARefusalMeansAnotherLease() {
        Api specialist = Api.as(port, "specialist");
        Api hrLead = Api.as(port, "hrlead");
        long id = caseAtTheLease(specialist, "Lease above the cap")[0];
        String caseNumber = specialist.caseDetails(id).get("caseNumber").asText();

        // EUR 3,900 a month in Berlin, above the standard long-term cap of EUR 3,200
        specialist.completeTask(caseNumber, "record-lease", vars("pd_leaseAddress", ADDRESS, "pd_monthlyRent", 3900, "rentCurrency", "EUR",
                "pd_depositAmount", 11700, "pd_leaseStart", "2027-03-01", "pd_leaseEnd", "2029-02-28"));
        String decision = hrLead.awaitTask(caseNumber, "approve-lease-exception");
        JsonNode lease = specialist.caseDetails(id).get("lease");
        assertThat(lease.get("status").asText()).isEqualTo("EXCEPTION_REQUESTED");
        assertThat(lease.get("rentInPolicyCurrency").get("amount").decimalValue()).isEqualByComparingTo("3900");
        long exceptionId = lease.get("exceptionId").asLong();

        ResponseEntity<JsonNode> noReason = hrLead.complete(decision, vars("leaseExceptionDecision", "reject"));
        assertThat(noReason.getStatusCode().value()).as("%s", noReason.getBody()).isEqualTo(400);
        assertThat(noReason.getBody().get("fieldErrors").has("leaseExceptionComment")).as("%s", noReason.getBody()).isTrue();
        JsonNode exception = specialist.get("/api/policy-exceptions/" + exceptionId).getBody();
        assertThat(exception.get("status").asText()).as("nothing decided").isEqualTo("REQUESTED");
        assertThat(exception.get("category").asText()).isEqualTo("housing");
        assertThat(exception.get("amount").decimalValue()).isEqualByComparingTo("700");

        hrLead.completeTask(caseNumber, "approve-lease-exception", vars("leaseExceptionDecision", "reject",
                "leaseExceptionComment", "Find a home within the cap"));
        // refused: the specialist records another lease, this time within the cap
        specialist.awaitTask(caseNumber, "record-lease");
        assertThat(specialist.caseDetails(id).get("lease").get("status").asText()).isEqualTo("REFUSED");
        specialist.completeTask(caseNumber, "record-lease", vars("pd_leaseAddress", ADDRESS, "pd_monthlyRent", 3100, "rentCurrency", "EUR",
                "pd_depositAmount", 9300, "pd_leaseStart", "2027-03-01", "pd_leaseEnd", "2029-02-28"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode c = specialist.caseDetails(id);
            assertThat(c.get("lease").get("status").asText()).isEqualTo("WITHIN_CAP");
            assertThat(StreamSupport.stream(c.get("keyDates").spliterator(), false)).anyMatch(k -> k.get("kind").asText().equals("lease-end"));
        });
        assertThat(specialist.get("/api/policy-exceptions/" + exceptionId).getBody().get("status").asText()).isEqualTo("REJECTED");
    }

    /** A long-term case India/UK to Berlin, approved: the services policy orders a home search, its vendor confirms. */
    private long[] caseAtTheLease(Api specialist, String label) {
        var intake = Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "300000");
        intake.put("hostCity", "Berlin");
        intake.put("employeeName", label);
        JsonNode created = specialist.openCase(intake);
        long id = created.get("id").asLong();
        String caseNumber = created.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", vars("intakeVerified", true, "reviewNotes", label));
        specialist.approveAll(id, caseNumber);
        specialist.awaitTask(caseNumber, "record-lease");
        return new long[] {id};
    }
}
