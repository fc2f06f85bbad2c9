package org.relocation.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.relocation.relocationcase.Relationship;
import org.relocation.vendor.ServiceOrder;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.VendorService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.relocation.Api.vars;

/**
 * The family: an employee, a partner and two children of school age move from Brazil to Germany (Berlin, long
 * term). The services policy gives them temporary housing and a household-goods volume (to the housing vendors), a
 * home search, a school search per child, destination services, language training, partner support and EAP; each is
 * ordered from its vendor (the simulator answers) and the specialist records a lease within the housing cap, whose end
 * becomes a key date.
 */
@ServerTest
class FamilyOfFourServicesTest {

    @LocalServerPort
    int port;

    @Autowired
    VendorService vendors;

    @Test
    void aFamilyOfFourFromBrazilToGermanyGetsItsServicesAndALeaseWithinTheCap() {
        Api specialist = Api.as(port, "specialist");
        ObjectNode intake = Api.familyOfFour("Berlin");
        JsonNode created = specialist.openCase(intake);
        long id = created.get("id").asLong();
        String caseNumber = created.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", vars("intakeVerified", true, "reviewNotes", "Family of four to Berlin"));
        specialist.approveAll(id, caseNumber);
        specialist.completeTask(caseNumber, "record-kickoff-call", vars("kickoffDate", java.time.LocalDate.now().minusDays(1).toString(),
                "kickoffAttendees", "Specialist, employee, partner", "kickoffNotes", "Family of four, two school children"));

        // every service ordered and answered by the vendors; the home search confirmed opens the lease task
        String lease = specialist.awaitTask(caseNumber, "record-lease");
        List<ServiceOrder> orders = vendors.orders(id);
        Map<Long, Relationship> relationships = relationships(specialist.caseDetails(id));

        ServiceOrder housing = single(orders, ServiceType.TEMPORARY_HOUSING);
        assertThat(housing.getStatus()).isNotEqualTo(ServiceOrder.Status.NEW);
        ServiceOrder shipment = single(orders, ServiceType.HOUSEHOLD_SHIPMENT);
        assertThat(shipment.getDetail()).as("the policy's volume, origin and destination")
                .isEqualTo("Household goods shipment of up to 60 m³ from Sao Paulo, BR to Berlin, DE");
        List<ServiceOrder> schools = orders.stream().filter(o -> o.getServiceType() == ServiceType.SCHOOL_SEARCH).toList();
        assertThat(schools).as("a school search per child").hasSize(2)
                .allSatisfy(o -> assertThat(relationships.get(o.getTravellerId())).isEqualTo(Relationship.CHILD))
                .allSatisfy(o -> assertThat(o.getDetail()).contains("Berlin, DE", "teaching language en"))
                .allSatisfy(o -> assertThat(o.getStatus()).isEqualTo(ServiceOrder.Status.CONFIRMED));
        assertThat(schools).extracting(ServiceOrder::getTravellerId).doesNotHaveDuplicates();
        assertThat(schools).extracting(ServiceOrder::getDetail).anyMatch(d -> d.contains("aged 11")).anyMatch(d -> d.contains("aged 7"));
        ServiceOrder partner = single(orders, ServiceType.PARTNER_SUPPORT);
        assertThat(relationships.get(partner.getTravellerId())).isEqualTo(Relationship.PARTNER);
        assertThat(partner.getDetail()).contains("10 hours");
        assertThat(single(orders, ServiceType.EAP_ENROLMENT).getDetail()).contains("4 person(s)");
        assertThat(single(orders, ServiceType.LANGUAGE_TRAINING).getDetail()).contains("(de)", "40 hours");
        assertThat(single(orders, ServiceType.DESTINATION_SERVICES).getDetail()).contains("registration, bank account, utilities");
        assertThat(single(orders, ServiceType.HOME_SEARCH).getStatus()).isEqualTo(ServiceOrder.Status.CONFIRMED);

        // the lease within the Berlin cap (EUR 3,200 a month for a standard long-term case)
        specialist.completeTask(caseNumber, "record-lease", vars("pd_leaseAddress", "Kastanienallee 12, 10435 Berlin",
                "pd_monthlyRent", 2900, "rentCurrency", "EUR", "pd_depositAmount", 8700, "pd_leaseStart", "2027-03-01",
                "pd_leaseEnd", "2030-02-28"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode c = specialist.caseDetails(id);
            assertThat(c.path("lease").path("status").asText()).isEqualTo("WITHIN_CAP");
            assertThat(c.path("lease").path("address").asText()).isEqualTo("Kastanienallee 12, 10435 Berlin");
            assertThat(c.path("lease").path("housingCap").path("amount").decimalValue()).isEqualByComparingTo("3200");
            assertThat(StreamSupport.stream(c.path("keyDates").spliterator(), false))
                    .anySatisfy(k -> {
                        assertThat(k.path("kind").asText()).isEqualTo("lease-end");
                        assertThat(k.path("dueDate").asText()).isEqualTo("2030-02-28");
                    });
            assertThat(StreamSupport.stream(c.path("openTasks").spliterator(), false))
                    .noneMatch(t -> t.path("taskDefinitionKey").asText().equals("record-lease"));
        });
        assertThat(lease).isNotBlank();
    }

    private static ServiceOrder single(List<ServiceOrder> orders, ServiceType type) {
        List<ServiceOrder> of = orders.stream().filter(o -> o.getServiceType() == type).toList();
        assertThat(of).as("%s orders", type).hasSize(1);
        return of.get(0);
    }

    private static Map<Long, Relationship> relationships(JsonNode details) {
        Map<Long, Relationship> r = new java.util.HashMap<>();
        details.path("travellers").forEach(t -> r.put(t.path("id").asLong(), Relationship.valueOf(t.path("relationship").asText())));
        return r;
    }
}
