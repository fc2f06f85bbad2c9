package org.relocation.keydate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Key-date families: a qualified code belongs to its family, whose rule and label it takes. */
class KeyDateKindTest {

    @Test
    void qualifiedCodesBelongToTheirFamily() {
        assertThat(KeyDateKind.fromStored("tax-return-due-de-2027")).contains(KeyDateKind.TAX_RETURN_DUE);
        assertThat(KeyDateKind.fromStored("presence-threshold-183-de-2027")).contains(KeyDateKind.PRESENCE_THRESHOLD);
        assertThat(KeyDateKind.fromStored("permit-expiry")).contains(KeyDateKind.PERMIT_EXPIRY);
        assertThat(KeyDateKind.fromStored("permit-expiry-de")).as("not a family").isEmpty();
        assertThat(KeyDateKind.fromStored("tax-return-due-")).isEmpty();
        assertThat(KeyDateKind.fromCode("tax-return-due-de-2027")).as("the API takes plain kinds only").isEmpty();
        assertThat(KeyDateKind.labelOf("tax-return-due-de-2027")).isEqualTo("Tax return due (de-2027)");
        assertThat(KeyDateKind.labelOf("permit-expiry")).isEqualTo("Permit expires");
    }
}
