package org.relocation.tax;

import org.relocation.platform.NotFoundException;

public class TaxSettlementNotFoundException extends NotFoundException {

    public TaxSettlementNotFoundException(Long id) {
        super("No tax settlement " + id + " on this case");
    }
}
