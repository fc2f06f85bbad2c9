package org.relocation.tax;

/**
 * A settlement the case's rules refuse (a laissez-faire case, a tax year settled or awaiting approval already, a case
 * not running): the message is a sentence without amounts; nothing was written (API: 409).
 */
public class TaxSettlementRefusedException extends RuntimeException {

    public TaxSettlementRefusedException(String sentence) {
        super(sentence);
    }
}
