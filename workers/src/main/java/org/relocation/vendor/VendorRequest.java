package org.relocation.vendor;

import java.time.LocalDate;

/**
 * What a vendor receives: our order reference and the facts it needs to act, no more. Names, passport
 * numbers and salaries are not sent here; the vendor's case handler gets them over its own secure channel.
 */
public record VendorRequest(String reference, String serviceType, String caseNumber, String hostCountry, String hostCity,
                            LocalDate startDate, LocalDate endDate, int travellers, String detail) {
}
