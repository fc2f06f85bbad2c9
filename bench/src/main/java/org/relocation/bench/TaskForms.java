package org.relocation.bench;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Valid form values for every user task of the journey (docs/journey.md, "Forms"), as the Operaton REST API
 * wants them: {"variables": {name: {"value": ..., "type": ...}}}. Decisions always move the case forward.
 */
final class TaskForms {

    /** A tiny valid PDF: the file uploaded for each checklist document before the documents task (the server checks the content). */
    static final byte[] DOCUMENT_PDF = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private TaskForms() {
    }

    static Map<String, Object> completeBody(String taskKey, String caseLabel) {
        String today = LocalDate.now().toString();
        Map<String, Object> v = new LinkedHashMap<>();
        switch (taskKey) {
            case "review-intake" -> {
                bool(v, "intakeVerified");
                str(v, "reviewNotes", "Intake complete (" + caseLabel + ")");
            }
            case "approve-relocation" -> {
                str(v, "managerDecision", "approve");
                str(v, "managerComment", "Approved by the benchmark manager");
            }
            case "approve-policy-exception" -> {
                str(v, "exceptionDecision", "approve");
                str(v, "exceptionComment", "Exception approved by the benchmark HR lead");
            }
            case "approve-budget" -> {
                str(v, "financeDecision", "approve");
                str(v, "financeComment", "Budget approved by the benchmark finance approver");
            }
            case "approve-transfer" -> {
                str(v, "secondLevelDecision", "approve");
                str(v, "secondLevelComment", "Transfer approved by the benchmark director");
            }
            case "provide-immigration-documents" -> {
                str(v, "pd_passportNumber", String.format("X%07d", Math.abs(caseLabel.hashCode() % 10_000_000)));
                str(v, "pd_passportExpiry", LocalDate.now().plusYears(8).toString());
                bool(v, "documentsProvided");
            }
            case "validate-immigration-documents" -> {
                str(v, "documentsDecision", "valid");
                str(v, "validationComment", "All documents present");
            }
            case "follow-up-counsel" -> str(v, "followUpNotes", "Chased counsel by phone");
            case "arrange-posted-worker-formalities" -> {
                str(v, "pd_a1Reference", "A1" + Math.abs(caseLabel.hashCode() % 10_000_000));
                str(v, "a1ValidUntil", "2027-12-31");
                str(v, "postingDeclarationReference", "MELD-" + Math.abs(caseLabel.hashCode() % 10_000_000));
                bool(v, "postingDeclarationFiled");
            }
            case "handle-permit-refusal" -> {
                str(v, "refusalAction", "appeal");
                str(v, "refusalNotes", "Re-apply with the missing certificate");
            }
            case "record-kickoff-call" -> {
                str(v, "kickoffDate", today);
                str(v, "kickoffAttendees", "Employee, specialist");
                str(v, "kickoffNotes", "Walked through housing and shipment");
            }
            case "record-lease" -> {
                // a rent well within every policy's housing cap: the lease is accepted without an exception
                str(v, "pd_leaseAddress", "Bench Street " + Math.abs(caseLabel.hashCode() % 1000) + ", 10115 Host City");
                num(v, "pd_monthlyRent", 100);
                str(v, "rentCurrency", "EUR");
                num(v, "pd_depositAmount", 300);
                str(v, "pd_leaseStart", today);
                str(v, "pd_leaseEnd", java.time.LocalDate.parse(today).plusYears(2).toString());
            }
            case "approve-lease-exception" -> {
                str(v, "leaseExceptionDecision", "approve");
                str(v, "leaseExceptionComment", "Approved for the benchmark");
            }
            case "confirm-payroll-setup" -> {
                bool(v, "payrollConfirmed");
                str(v, "payrollReference", "PR-" + Math.abs(caseLabel.hashCode() % 100_000));
            }
            case "arrange-international-coverage" -> {
                str(v, "coverageProvider", "Global Health Plan");
                str(v, "coverageNotes", "International plan while abroad");
            }
            case "confirm-benefits-enrolment" -> {
                str(v, "healthPlan", "international");
                str(v, "pensionContinuation", "home");
                bool(v, "enrolmentConfirmed");
            }
            case "confirm-arrival" -> {
                str(v, "arrivalDate", today);
                str(v, "rtwDocumentType", "residence-permit");
                str(v, "rtwCheckMethod", "in-person");
                str(v, "rtwNextCheckDate", "2029-12-31");
                str(v, "pd_rtwDocumentReference", "RP-" + Math.abs(caseLabel.hashCode() % 10_000_000));
                str(v, "rtwCheckDate", today);
            }
            case "decide-invoice-excess" -> {
                str(v, "invoiceDecision", "accept");
                str(v, "invoiceDecisionNote", "Excess accepted by the benchmark finance approver");
            }
            case "approve-case-closure" -> {
                bool(v, "closureConfirmed");
                str(v, "closureNotes", "All services delivered");
            }
            case "resolve-vendor-delay" -> {
                // a vendor missed its SLA (not in a normal benchmark journey): wait a week for it, which needs no other vendor
                str(v, "vendorDelayChoice", "wait");
                str(v, "newConfirmationDate", LocalDate.now().plusDays(7).toString());
                str(v, "vendorDelayNotes", "Vendor promised its answer within a week");
            }
            default -> {
                return null; // not a task of the journey contract: left alone
            }
        }
        return Map.of("variables", v);
    }

    /**
     * The choose-housing-quote task (reached only where two or more housing vendors of the register cover the host city:
     * not with the bench's seed-vendors=false): the cheapest received quote of the form's {@code quotes} table (its
     * reporting-currency price, else its own price), read from the task's form variables; null when none was received.
     */
    static Map<String, Object> chooseHousingQuote(com.fasterxml.jackson.databind.JsonNode formVariables) {
        com.fasterxml.jackson.databind.JsonNode quotes = formVariables == null ? null : formVariables.path("quotes").path("value");
        try {
            if (quotes != null && quotes.isTextual()) {
                quotes = EngineClient.JSON.readTree(quotes.asText());
            }
        } catch (java.io.IOException e) {
            return null;
        }
        String cheapest = null;
        java.math.BigDecimal lowest = null;
        for (com.fasterxml.jackson.databind.JsonNode q : quotes == null ? java.util.List.<com.fasterxml.jackson.databind.JsonNode>of() : quotes) {
            if (!"received".equals(q.path("status").asText())) {
                continue;
            }
            java.math.BigDecimal price = amount(q.path("reportingPrice").asText());
            if (price == null) {
                price = amount(q.path("price").asText());
            }
            if (price != null && (lowest == null || price.compareTo(lowest) < 0)) {
                lowest = price;
                cheapest = q.path("reference").asText();
            }
        }
        if (cheapest == null) {
            return null;
        }
        Map<String, Object> v = new LinkedHashMap<>();
        str(v, "chosenQuote", cheapest);
        return Map.of("variables", v);
    }

    /**
     * The employee's enrolment as the Tasklist submits it: their plan and pension, and the form's dynamic list
     * dependantPlans (read from the form variables: one entry per dependant the policy enrols) back as a Json variable,
     * every dependant on the international plan (which every host country allows).
     */
    static Map<String, Object> confirmBenefitsEnrolment(com.fasterxml.jackson.databind.JsonNode formVariables) {
        Map<String, Object> body = completeBody("confirm-benefits-enrolment", "");
        @SuppressWarnings("unchecked")
        Map<String, Object> v = (Map<String, Object>) body.get("variables");
        if (formVariables == null || !formVariables.has("dependantPlans")) {
            return body; // a form without the list (an earlier version): nothing to send back
        }
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ArrayNode plans = json.createArrayNode();
        try {
            String listed = formVariables == null ? "[]" : formVariables.path("dependantPlans").path("value").asText("[]");
            for (com.fasterxml.jackson.databind.JsonNode d : json.readTree(listed.isBlank() ? "[]" : listed)) {
                plans.addObject().put("travellerId", d.path("travellerId").asLong()).put("plan", "international");
            }
        } catch (java.io.IOException e) {
            return body; // no list to read: the dependants keep the policy's plans
        }
        v.put("dependantPlans", Map.of("value", plans.toString(), "type", "Json"));
        return body;
    }

    /** The number of "1234.50 EUR"; null when it is not one (such as "no rate today"). */
    private static java.math.BigDecimal amount(String text) {
        try {
            return new java.math.BigDecimal(text.trim().split(" ")[0]);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void str(Map<String, Object> v, String name, String value) {
        v.put(name, Map.of("value", value, "type", "String"));
    }

    private static void num(Map<String, Object> v, String name, long value) {
        v.put(name, Map.of("value", value, "type", "Long"));
    }

    private static void bool(Map<String, Object> v, String name) {
        v.put(name, Map.of("value", true, "type", "Boolean"));
    }
}
