package org.relocation.platform.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the shipped models read, as the completion listener sees it: routing fields stay variables, notes do not. A
 * model change that starts reading a note (or stops reading a decision) shows here.
 */
class ProcessReadsTest {

    @Test
    void theShippedModelsReadTheDecisionsAndNoNotes() throws IOException {
        Set<String> read = new HashSet<>();
        for (String model : new String[]{"relocation", "relocation-intake", "relocation-approval", "relocation-immigration",
                "relocation-housing", "relocation-payroll", "relocation-benefits", "relocation-arrival", "relocation-closure",
                "relocation-key-date", "relocation-permit-renewal", "relocation-destination-services"}) {
            try (InputStream in = getClass().getResourceAsStream("/processes/" + model + ".bpmn")) {
                assertThat(in).as(model).isNotNull();
                read.addAll(ProcessReads.namesIn(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        assertThat(read).contains("managerDecision", "financeDecision", "secondLevelDecision", "documentsDecision", "refusalAction",
                "startDateDecision", "approvalOutcome", "caseId", "employeeUserId", "exceptionIds", "leaseWithinCap", "leaseAccepted",
                "destinationServices");
        assertThat(read).doesNotContain("managerComment", "financeComment", "secondLevelComment", "exceptionComment", "reviewNotes",
                "kickoffNotes", "payrollReference", "closureNotes", "informationSummary", "refusalNotes", "followUpNotes",
                "renewalNotes", "validationComment", "revisionNote", "sendBackComment", "leaseExceptionComment", "pd_leaseAddress",
                // literals in expressions are not names
                "sent", "back", "approve", "move");
    }

    @Test
    void namesComeFromExpressionsMappingsAndCollectionsNotFromLiteralsOrDocumentation() {
        String bpmn = "<bpmn:documentation>kickoffNotes are typed by the specialist</bpmn:documentation>"
                + "<bpmn:conditionExpression>${decision == 'send-back' &amp;&amp; !skip}</bpmn:conditionExpression>"
                + "<camunda:in source=\"approvalOutcome\" target=\"approvalOutcome\"/>"
                + "<bpmn:multiInstanceLoopCharacteristics camunda:collection=\"${csvItems(exceptionIds)}\" camunda:elementVariable=\"exceptionId\"/>"
                + "<camunda:outputParameter name=\"x\">#{execution.processBusinessKey}</camunda:outputParameter>";
        assertThat(ProcessReads.namesIn(bpmn)).contains("decision", "skip", "approvalOutcome", "csvItems", "exceptionIds", "execution")
                .doesNotContain("kickoffNotes", "send", "back", "exceptionId", "x");
    }
}
