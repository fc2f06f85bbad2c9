package org.relocation.quote;

import org.relocation.vendor.ServiceType;

import java.time.LocalDate;

/**
 * What vendors are asked to quote for: the service, the item ({@code temporary-housing}, {@code household-goods}, a
 * destination service's code, with {@code :<traveller id>} where ordered per traveller), the traveller (null: the case or
 * family), what is asked in words (the order's text: volume, route, hours, the child's age; names stay in the records),
 * the dates, the nights of a stay (0 otherwise) and how many travel.
 */
public record QuoteSubject(ServiceType type, String item, Long travellerId, String detail, LocalDate from, LocalDate until,
                           int nights, int travellers) {
}
