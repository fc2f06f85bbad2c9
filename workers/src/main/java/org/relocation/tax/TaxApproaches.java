package org.relocation.tax;

import org.relocation.policy.PolicyService;
import org.relocation.relocationcase.AssignmentType;
import org.relocation.relocationcase.RelocationCase;
import org.springframework.stereotype.Component;

/**
 * The one place that says which {@link TaxApproach} a case has: the {@code taxApproach} the case's compensation decision
 * ({@code relocation-compensation.dmn}, evaluated and recorded in the payroll phase) gave; before the case reached
 * that phase, the documented default of its assignment type:
 * <table>
 *   <caption>Default per assignment type (no compensation decision recorded yet)</caption>
 *   <tr><td>LONG_TERM, SHORT_TERM</td><td>EQUALISATION (the employee pays what they would have paid at home)</td></tr>
 *   <tr><td>EXTENDED_BUSINESS_TRAVELLER</td><td>PROTECTION (never more than at home)</td></tr>
 *   <tr><td>PERMANENT_TRANSFER, LOCAL_HIRE</td><td>LAISSEZ_FAIRE (the host country's taxes, as a local)</td></tr>
 * </table>
 */
@Component
public class TaxApproaches {

    private final PolicyService policy;

    TaxApproaches(PolicyService policy) {
        this.policy = policy;
    }

    public TaxApproach of(RelocationCase c) {
        return policy.latestOutputs(c.getId(), PolicyService.COMPENSATION)
                .filter(rows -> !rows.isEmpty() && rows.get(0).get("taxApproach") != null)
                .map(rows -> TaxApproach.valueOf(rows.get(0).get("taxApproach").toString()))
                .orElseGet(() -> byAssignmentType(c.getAssignmentType()));
    }

    public static TaxApproach byAssignmentType(AssignmentType type) {
        return switch (type) {
            case LONG_TERM, SHORT_TERM -> TaxApproach.EQUALISATION;
            case EXTENDED_BUSINESS_TRAVELLER -> TaxApproach.PROTECTION;
            case PERMANENT_TRANSFER, LOCAL_HIRE -> TaxApproach.LAISSEZ_FAIRE;
        };
    }
}
