package org.relocation.tax;

import org.relocation.relocationcase.AssignmentType;
import org.relocation.relocationcase.RelocationCase;
import org.springframework.stereotype.Component;

/**
 * The one place that says which {@link TaxApproach} a case has. Until the compensation-approach decision
 * ({@code relocation-compensation.dmn}, issue 16 slice P) records a case's {@code taxApproach}, it is the documented
 * default of the case's assignment type; that slice replaces {@link #of} with the case's decision:
 * <table>
 *   <caption>Default per assignment type</caption>
 *   <tr><td>LONG_TERM, SHORT_TERM</td><td>EQUALISATION (the employee pays what they would have paid at home)</td></tr>
 *   <tr><td>EXTENDED_BUSINESS_TRAVELLER</td><td>PROTECTION (never more than at home)</td></tr>
 *   <tr><td>PERMANENT_TRANSFER, LOCAL_HIRE</td><td>LAISSEZ_FAIRE (the host country's taxes, as a local)</td></tr>
 * </table>
 */
@Component
public class TaxApproaches {

    public TaxApproach of(RelocationCase c) {
        return byAssignmentType(c.getAssignmentType());
    }

    public static TaxApproach byAssignmentType(AssignmentType type) {
        return switch (type) {
            case LONG_TERM, SHORT_TERM -> TaxApproach.EQUALISATION;
            case EXTENDED_BUSINESS_TRAVELLER -> TaxApproach.PROTECTION;
            case PERMANENT_TRANSFER, LOCAL_HIRE -> TaxApproach.LAISSEZ_FAIRE;
        };
    }
}
