package org.relocation.tax;

import java.util.Set;

/**
 * The engine side of a case's tax provider services (the port; the server starts it on its embedded engine): one
 * instance of process {@value #PROCESS_KEY} per case, business key = case number, variable {@value #CASE_ID} only. It
 * orders the pre-departure tax briefing, awaits the provider's answer with an SLA, then orders the home and host tax
 * returns of each tax year of the assignment with their filing deadlines as key dates ({@link TaxProviderOrders}).
 */
public interface TaxServicesProcess {

    String PROCESS_KEY = "relocation-tax-services";
    String CASE_ID = "caseId";
    /** Every variable the process starts with. */
    Set<String> START_VARIABLES = Set.of(CASE_ID);

    /**
     * Starts the case's tax services unless the case has an instance already (running or ended): returns the process
     * instance id, the existing one's when there is one. Joins the caller's transaction.
     */
    String startOnce(String caseNumber, Long caseId);
}
