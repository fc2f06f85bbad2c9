package org.relocation.tax;

/**
 * How a case's taxes are shared between the employee and the company (from the mobility policy):
 * <ul>
 *   <li>{@link #EQUALISATION}: the employee pays exactly the hypothetical tax (what they would have paid at home),
 *   withheld through payroll; the company pays the actual home and host taxes; a settlement per tax year squares the
 *   withholding with the final hypothetical tax, either way.</li>
 *   <li>{@link #PROTECTION}: the employee pays the lower of the hypothetical and the actual taxes; beyond squaring the
 *   withholding, a settlement pays back only when the actual taxes are below the hypothetical tax.</li>
 *   <li>{@link #LAISSEZ_FAIRE}: the employee bears their actual taxes; no hypothetical tax, no settlement.</li>
 * </ul>
 */
public enum TaxApproach {
    EQUALISATION, PROTECTION, LAISSEZ_FAIRE
}
