package org.relocation.immigration;

import org.relocation.relocationcase.Relationship;

import java.time.LocalDate;
import java.util.List;

/**
 * What one traveller needs to enter and stay in the host country, as decided by the {@link PermitCatalogue}.
 *
 * @param relationship      the traveller's relationship to the employee
 * @param hostCountry       ISO 3166-1 alpha-2 code of the host country
 * @param category          kind of requirement; {@link Category#NONE} when nothing is needed
 * @param permitCode        the catalogue's permit code (e.g. {@code de-ict-card}), or {@value #NONE} when no permit is
 *                          needed, or {@value #REFER_TO_COUNSEL} when the catalogue leaves the case to immigration counsel
 * @param permitName        human-readable name of the permit, exemption or referral
 * @param basis             what decided: the catalogue row's code, {@value #BASIS_HOST_CITIZEN},
 *                          {@value #BASIS_DEPENDANT_OF_EXEMPT_EMPLOYEE} or {@value #BASIS_NOT_CATALOGUED}
 * @param processingDaysMin typical processing time in days, lower bound; null when unknown (referrals)
 * @param processingDaysMax typical processing time in days, upper bound; null when unknown (referrals)
 * @param documents         core document types to request (kebab-case), empty when none
 * @param dependantsAllowed for work permits: whether the holder can bring partner and children; otherwise null
 * @param source            official URL the row is based on; null for the built-in rules
 * @param lastReviewed      when the row was last reviewed; null for the built-in rules
 * @param notes             conditions and simplifications a specialist should read
 * @param alternatives      codes of other catalogue permits of the same category that also match, in file order
 */
public record PermitRequirement(
        Relationship relationship,
        String hostCountry,
        Category category,
        String permitCode,
        String permitName,
        String basis,
        Integer processingDaysMin,
        Integer processingDaysMax,
        List<String> documents,
        Boolean dependantsAllowed,
        String source,
        LocalDate lastReviewed,
        String notes,
        List<String> alternatives) {

    public static final String NONE = "NONE";
    public static final String REFER_TO_COUNSEL = "REFER_TO_COUNSEL";
    public static final String BASIS_HOST_CITIZEN = "host-citizen";
    public static final String BASIS_DEPENDANT_OF_EXEMPT_EMPLOYEE = "dependant-of-exempt-employee";
    public static final String BASIS_NOT_CATALOGUED = "not-catalogued";
    /** EU/EEA/Swiss citizen moving to an EU/EEA country or Switzerland the catalogue has no rows for. */
    public static final String BASIS_FREE_MOVEMENT = "free-movement";

    /** Kinds of requirement; the CSV's category column uses the same names. */
    public enum Category {
        /** Nothing needed: citizen of the host or exempt (free movement, Common Travel Area, ...). */
        NONE,
        /** Visitor status for business activities without productive work (visa, visa waiver or travel authorisation). */
        BUSINESS_VISITOR,
        /** Ordinary visitor status, e.g. family accompanying a business traveller; no work. */
        VISITOR,
        /** Permit that allows the employee to work in the host country. */
        WORK_PERMIT,
        /** Residence permit of a partner or child derived from the employee's permit. */
        DEPENDANT_PERMIT,
        /** No route in the catalogue: immigration counsel must decide. */
        REFER_TO_COUNSEL
    }

    public PermitRequirement {
        documents = documents == null ? List.of() : List.copyOf(documents);
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }

    /** Whether the traveller needs anything at all (a permit, a visitor visa or travel authorisation, or counsel's advice). */
    public boolean permitRequired() {
        return category != Category.NONE;
    }

    /** Whether immigration counsel has to work out the route. */
    public boolean referToCounsel() {
        return category == Category.REFER_TO_COUNSEL;
    }
}
