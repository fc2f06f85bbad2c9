package org.relocation.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.relocation.estimate.CostEstimator;
import org.relocation.policy.PolicyService;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.Money;
import org.relocation.relocationcase.RelocationCase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Recoveries (money the employee owes, deducted through payroll) in the ledger's figures, hand-computed in three
 * currencies with the demo rates (1 EUR = 1.1720 USD and 0.8735 GBP from 2026-01-01; 1.1650 USD and 0.8720 GBP from
 * 2026-10-01):
 * <pre>
 *   travel    1172.00 USD due 2026-06-01 (1000.00 EUR), paid 2026-12-01 at 1.1650        actual   +1006.01 in 2026-12
 *   recovery   349.40 GBP due 2026-06-01 (400.00 EUR),  deducted 2026-12-01 at 0.8720    actual    -400.69 in 2026-12
 *   recovery   100.00 EUR due 2027-01-15, approved (to deduct)                            committed -100.00 in 2027-01
 *   other      250.00 EUR due 2027-04-10, planned                                         committed +250.00 in 2027-04
 *   => committed 150.00, actual 605.32; variance = budget - 755.32; chargeback 2026-12: 605.32 (2 payments)
 * </pre>
 * (349.40 / 0.8720 = 400.6880... = 400.69; 1172 / 1.1650 = 1006.0085... = 1006.01.)
 */
@ServerTest
class LedgerRecoveryTest {

    @LocalServerPort
    int port;
    @Autowired
    CaseService cases;
    @Autowired
    PolicyService policy;
    @Autowired
    CostEstimator estimator;
    @Autowired
    PaymentLedger ledger;

    private static PaymentLedger.Recovery recovery(String reference, String category, String amount, String currency, LocalDate due) {
        return new PaymentLedger.Recovery(reference, category, new BigDecimal(amount), currency, due, "Owed by the employee");
    }

    private static PaymentLedger.OneOff oneOff(String category, String amount, String currency, LocalDate due) {
        return new PaymentLedger.OneOff(category, new BigDecimal(amount), currency, due, false, null, null, "test", null);
    }

    private static List<String> rows(JsonNode months) {
        List<String> rows = new ArrayList<>();
        for (JsonNode m : months) {
            rows.add((m.has("costCentre") ? m.get("costCentre").asText() + " " : "") + m.get("month").asText() + " "
                    + m.get("committed").decimalValue().setScale(2, RoundingMode.UNNECESSARY).toPlainString() + " "
                    + m.get("actual").decimalValue().setScale(2, RoundingMode.UNNECESSARY).toPlainString()
                    + (m.has("payments") ? " " + m.get("payments").asInt() : ""));
        }
        return rows;
    }

    @Test
    void recoveriesReduceCommittedActualAndTheChargebackInEveryCurrency() {
        String cc = "CC-REC-" + System.nanoTime() % 100_000;
        RelocationCase c = LedgerCases.longTerm(cases, policy, estimator, cc);
        long id = c.getId();
        MobilityPayment travel = ledger.recordOneOff(id, oneOff("travel", "1172.00", "USD", LocalDate.of(2026, 6, 1)), "specialist");
        MobilityPayment gbp = ledger.recordRecovery(id, recovery("TAX-SETTLEMENT-T" + id, "tax", "349.40", "GBP", LocalDate.of(2026, 6, 1)), "finance");
        MobilityPayment eur = ledger.recordRecovery(id, recovery("CLAWBACK-" + id, "relocation-allowance", "100.00", "EUR",
                LocalDate.of(2027, 1, 15)), "finance");
        ledger.recordOneOff(id, oneOff("other", "250.00", "EUR", LocalDate.of(2027, 4, 10)), "specialist");

        assertThat(gbp.getKind()).isEqualTo(PaymentKind.RECOVERY);
        assertThat(gbp.getDirection()).isEqualTo(PaymentDirection.INCOMING);
        assertThat(gbp.getRoute()).as("a payroll deduction").isEqualTo(PaymentRoute.PAYROLL);
        assertThat(gbp.isTaxable()).isFalse();
        assertThat(gbp.getStatus()).isEqualTo(PaymentStatus.PLANNED);
        assertThat(gbp.reporting()).isEqualTo(Money.of("400.00", "EUR"));
        assertThat(gbp.signedReportingAmount()).isEqualByComparingTo("-400.00");
        // recorded once per source reference
        assertThat(ledger.recordRecovery(id, recovery("TAX-SETTLEMENT-T" + id, "tax", "349.40", "GBP", LocalDate.of(2026, 6, 1)), "finance")
                .getId()).isEqualTo(gbp.getId());

        Api admin = Api.as(port, "admin");
        assertThat(admin.post("/api/cases/" + id + "/payments/" + travel.getId() + "/approve", Map.of()).getStatusCode().value()).isEqualTo(200);
        assertThat(admin.post("/api/cases/" + id + "/payments/" + travel.getId() + "/paid", Map.of("paidOn", "2026-12-01")).getStatusCode().value())
                .isEqualTo(200);
        assertThat(admin.post("/api/cases/" + id + "/payments/" + gbp.getId() + "/approve", Map.of()).getStatusCode().value()).isEqualTo(200);
        // a bad paidOn is a 400 naming it, the recovery left approved
        ResponseEntity<JsonNode> bad = admin.post("/api/cases/" + id + "/payments/" + gbp.getId() + "/paid", Map.of());
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().get("fieldErrors").has("paidOn")).isTrue();
        assertThat(ledger.get(gbp.getId()).getStatus()).isEqualTo(PaymentStatus.APPROVED);
        JsonNode deducted = admin.post("/api/cases/" + id + "/payments/" + gbp.getId() + "/paid", Map.of("paidOn", "2026-12-01")).getBody();
        assertThat(deducted.get("paidReportingAmount").decimalValue()).isEqualByComparingTo("400.69");
        assertThat(deducted.get("direction").asText()).isEqualTo("INCOMING");
        assertThat(deducted.get("kind").asText()).isEqualTo("RECOVERY");
        assertThat(admin.post("/api/cases/" + id + "/payments/" + eur.getId() + "/approve", Map.of()).getStatusCode().value()).isEqualTo(200);

        BigDecimal budget = LedgerCases.budget(estimator, id).setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal variance = budget.subtract(new BigDecimal("755.32"));
        JsonNode mine = Api.as(port, "finance").get("/api/cases/" + id + "/payments").getBody();
        assertThat(mine.get("committed").decimalValue()).isEqualByComparingTo("150.00");
        assertThat(mine.get("actual").decimalValue()).isEqualByComparingTo("605.32");
        assertThat(mine.get("variance").decimalValue()).isEqualByComparingTo(variance);
        assertThat(rows(mine.get("months"))).containsExactly("2026-12 0.00 605.32", "2027-01 -100.00 0.00", "2027-04 250.00 0.00");

        JsonNode report = Api.as(port, "finance").get("/api/finance/ledger?from=2026-11&to=2027-05&costCentre=" + cc).getBody();
        assertThat(rows(report.get("months"))).containsExactly(cc + " 2026-12 0.00 605.32 2", cc + " 2027-01 -100.00 0.00 1",
                cc + " 2027-04 250.00 0.00 1");
        JsonNode centre = report.get("costCentres").get(0);
        assertThat(centre.get("committed").decimalValue()).isEqualByComparingTo("150.00");
        assertThat(centre.get("actual").decimalValue()).isEqualByComparingTo("605.32");
        assertThat(centre.get("variance").decimalValue()).isEqualByComparingTo(variance);
        assertThat(centre.get("periodActual").decimalValue()).isEqualByComparingTo("605.32");

        JsonNode charge = Api.as(port, "finance").get("/api/finance/chargebacks?month=2026-12&costCentre=" + cc).getBody();
        assertThat(charge.get("total").decimalValue()).as("the deduction is credited").isEqualByComparingTo("605.32");
        assertThat(charge.get("costCentres").get(0).get("payments").asInt()).isEqualTo(2);

        // the employee sees the recoveries among their payments, as owed by them
        JsonNode own = Api.as(port, "employee").get("/api/cases/" + id + "/payments").getBody();
        List<String> incoming = new ArrayList<>();
        own.get("payments").forEach(p -> {
            if ("INCOMING".equals(p.get("direction").asText())) {
                incoming.add(p.get("kind").asText() + " " + p.get("amount").decimalValue().setScale(2, RoundingMode.UNNECESSARY).toPlainString()
                        + " " + p.get("currency").asText());
            }
        });
        assertThat(incoming).containsExactlyInAnyOrder("RECOVERY 349.40 GBP", "RECOVERY 100.00 EUR");
        assertThat(own.get("actual").decimalValue()).isEqualByComparingTo("605.32");
    }

    @Test
    void aRecoveryUsesNoPolicyCapAndFreesNone() {
        RelocationCase c = LedgerCases.longTerm(cases, policy, estimator, "CC-REC-CAP");
        long id = c.getId();
        LocalDate april = LocalDate.of(2027, 4, 1);
        assertThat(ledger.remainingCap(id, PaymentCategory.HOUSING, april)).contains(Money.of("3200", "EUR"));
        // an overpaid housing allowance recovered: the month's housing cap is untouched either way
        ledger.recordRecovery(id, recovery("HOUSING-OVERPAID-" + id, "housing", "3000.00", "EUR", LocalDate.of(2027, 4, 15)), "finance");
        assertThat(ledger.remainingCap(id, PaymentCategory.HOUSING, april)).contains(Money.of("3200", "EUR"));
        ledger.recordOneOff(id, new PaymentLedger.OneOff("housing", new BigDecimal("3200.00"), "EUR", LocalDate.of(2027, 4, 20), true,
                null, null, null, null), "specialist");
        assertThatThrownBy(() -> ledger.recordOneOff(id, new PaymentLedger.OneOff("housing", new BigDecimal("1.00"), "EUR",
                LocalDate.of(2027, 4, 21), true, null, null, null, null), "specialist"))
                .as("the recovery did not lift the cap").isInstanceOf(PaymentRefusedException.class).hasMessageContaining("housing cap");
        assertThat(ledger.remainingCap(id, PaymentCategory.HOUSING, april)).contains(Money.of("0", "EUR"));
    }

    @Test
    void aRecoveryWithBadFieldsNamesEachAndWritesNothing() {
        RelocationCase c = LedgerCases.longTerm(cases, policy, estimator, "CC-REC-BAD");
        long id = c.getId();
        assertThatThrownBy(() -> ledger.recordRecovery(id, new PaymentLedger.Recovery("bad reference!", "nothing", new BigDecimal("-1"), "XXY",
                null, "x"), "finance")).isInstanceOf(InvalidPaymentException.class)
                .satisfies(e -> assertThat(((InvalidPaymentException) e).getFieldErrors())
                        .containsKeys("sourceReference", "category", "amount", "currency", "dueDate"));
        assertThat(ledger.ofCase(id)).isEmpty();
    }
}
