package org.relocation.vendor;

/**
 * The engine side of a vendor's missed SLA (the port; the server starts it on its embedded engine): one instance of
 * process {@value #PROCESS_KEY} per escalation, business key = case number, variables {@value #CASE_ID} and
 * {@value #SERVICE_ORDER_ID} (ids only), its task resolve-vendor-delay for the case's mobility specialists.
 */
public interface VendorEscalationProcess {

    String PROCESS_KEY = "relocation-vendor-escalation";
    String CASE_ID = "caseId";
    /** The escalated order's id (a Long). */
    String SERVICE_ORDER_ID = "serviceOrderId";

    /** Starts the escalation of an order; joins the caller's transaction. */
    void start(String caseNumber, Long caseId, Long serviceOrderId);
}
