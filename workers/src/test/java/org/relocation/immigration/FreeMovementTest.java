package org.relocation.immigration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FreeMovementTest {

    @ParameterizedTest(name = "{0} citizen to {1}: permit {2}")
    @CsvSource({
            "DE, NL, false", // EU within the EU
            "FR, CH, false", // EU to Switzerland
            "NO, DE, false", // EEA to EU
            "IN, DE, true",  // third country to the EU
            "DE, US, true",  // EU citizen leaving the area
            "GB, DE, true",  // the UK left the EU
            "US, US, false", // own country
            "BR, SG, true"})
    void permitRequired(String nationality, String host, boolean required) {
        assertThat(FreeMovement.permitRequired(nationality, host)).isEqualTo(required);
    }
}
