package org.relocation.tax;

import org.junit.jupiter.api.Test;
import org.relocation.ServerTest;
import org.relocation.estimate.CostEstimator;
import org.relocation.policy.PolicyService;
import org.relocation.relocationcase.CaseIntake;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.vendor.ServiceOrder;
import org.relocation.vendor.ServiceOrderRepository;
import org.relocation.vendor.ServiceType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tax returns follow the assignment's dates once they were ordered. A GB → DE assignment from 2027-03-01 to
 * 2029-02-28 runs in GB's tax years 2026 to 2028 (6 April to 5 April) and DE's 2027 to 2029 (calendar years); GB's
 * return is due on the 31 January, DE's on the 31 July after the year (the illustrative relocation.tax.returns rules).
 */
@ServerTest
class TaxReturnsFollowAssignmentTest {

    @Autowired
    CaseService cases;
    @Autowired
    PolicyService policy;
    @Autowired
    CostEstimator estimator;
    @Autowired
    TaxProviderOrders taxOrders;
    @Autowired
    ServiceOrderRepository orders;
    @Autowired
    JdbcTemplate jdbc;

    private RelocationCase open() {
        RelocationCase c = cases.register(new CaseIntake("Test Employee", "employee@example.com", "employee", "IN", "GB", "London", "DE",
                "Manual Answers", "LONG_TERM", LocalDate.of(2027, 3, 1), LocalDate.of(2029, 2, 28), "CC-TAXRET", new BigDecimal("250000"), "EUR",
                6, new BigDecimal("90000"), "EUR", List.of(), "manager", null), "test");
        assertThat(policy.apply(c.getId()).eligible()).isTrue();
        return c;
    }

    private List<String> keyDates(long caseId) {
        return jdbc.queryForList("SELECT kind, due_date FROM case_key_date WHERE case_id = ? AND kind LIKE 'tax-return-due-%' ORDER BY kind",
                caseId).stream().map(k -> k.get("KIND") + " " + k.get("DUE_DATE")).toList();
    }

    private List<String> returnOrders(long caseId) {
        return orders.findByCaseIdOrderById(caseId).stream().filter(o -> o.getServiceType() == ServiceType.TAX_RETURN)
                .map(ServiceOrder::getRequestKey).sorted().toList();
    }

    private List<String> withdrawals(long caseId) {
        return jdbc.queryForList("SELECT element_name FROM case_timeline WHERE case_id = ? AND element_id = 'tax-return-withdrawn' ORDER BY id",
                String.class, caseId);
    }

    @Test
    void anExtensionOrdersTheAddedYearsReturnsAndAShorterAssignmentWithdrawsTheirDeadlines() {
        RelocationCase c = open();
        long id = c.getId();
        taxOrders.orderReturns(id); // the tax services' order-tax-returns
        assertThat(keyDates(id)).containsExactly("tax-return-due-de-2027 2028-07-31", "tax-return-due-de-2028 2029-07-31",
                "tax-return-due-de-2029 2030-07-31", "tax-return-due-gb-2026 2028-01-31", "tax-return-due-gb-2027 2029-01-31",
                "tax-return-due-gb-2028 2030-01-31");
        assertThat(returnOrders(id)).hasSize(6);

        // extended by a year: GB 2029 (to 2030-04-05) and DE 2030 are now inside it
        cases.revise(id, new CaseService.Revision(null, LocalDate.of(2030, 2, 28), null, null));
        assertThat(returnOrders(id)).hasSize(8).contains("tax-return-" + id + "-GB-2029", "tax-return-" + id + "-DE-2030");
        assertThat(orders.findByCaseIdOrderById(id).stream().filter(o -> o.getRequestKey().equals("tax-return-" + id + "-DE-2030")))
                .singleElement().satisfies(o -> assertThat(o.getDetail())
                        .isEqualTo("HOST tax return DE 2030 (2030-01-01 to 2030-12-31), filing deadline 2031-07-31"));
        assertThat(keyDates(id)).hasSize(8).contains("tax-return-due-gb-2029 2031-01-31", "tax-return-due-de-2030 2031-07-31");
        assertThat(withdrawals(id)).isEmpty();

        // shortened to end on 2028-02-29: GB 2028 and 2029, DE 2029 and 2030 are no longer inside it
        cases.revise(id, new CaseService.Revision(null, LocalDate.of(2028, 2, 29), null, null));
        assertThat(keyDates(id)).containsExactly("tax-return-due-de-2027 2028-07-31", "tax-return-due-de-2028 2029-07-31",
                "tax-return-due-gb-2026 2028-01-31", "tax-return-due-gb-2027 2029-01-31");
        assertThat(returnOrders(id)).as("the vendor port cannot cancel an order: they stay").hasSize(8);
        assertThat(withdrawals(id)).hasSize(4).anySatisfy(w -> assertThat(w).startsWith("Tax return DE 2030 is no longer in the assignment")
                .endsWith("ask the tax provider to cancel it"));
        // the same dates again change nothing
        taxOrders.orderReturns(id);
        assertThat(keyDates(id)).hasSize(4);
        assertThat(withdrawals(id)).hasSize(4);
    }

    @Test
    void aMovedStartDateOrdersTheYearsItNowRunsIn() {
        RelocationCase c = open();
        long id = c.getId();
        taxOrders.orderReturns(id);
        // a year later, the same length: 2028-03-01 to 2030-03-01
        cases.moveStartDate(id, LocalDate.of(2028, 3, 1), "specialist");
        assertThat(keyDates(id)).containsExactly("tax-return-due-de-2028 2029-07-31", "tax-return-due-de-2029 2030-07-31",
                "tax-return-due-de-2030 2031-07-31", "tax-return-due-gb-2027 2029-01-31", "tax-return-due-gb-2028 2030-01-31",
                "tax-return-due-gb-2029 2031-01-31");
        assertThat(withdrawals(id)).hasSize(2); // DE 2027 and GB 2026
    }

    @Test
    void withoutReturnsOrderedYetAChangeOrdersNothing() {
        RelocationCase c = open();
        long id = c.getId();
        cases.revise(id, new CaseService.Revision(null, LocalDate.of(2030, 2, 28), null, null));
        assertThat(returnOrders(id)).isEmpty();
        assertThat(keyDates(id)).isEmpty();
        assertThat(taxOrders.assignmentChanged(id)).isEmpty();
        assertThat(returnOrders(id)).isEmpty();
    }
}
