package org.relocation.tax;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The day limits and warning thresholds of presence days: 183 with warnings at 150 and 170, scaled to a treaty's limit. */
class PresencePropertiesTest {

    @Test
    void theDefaultLimitWarnsAt150And170AndATreatyLimitScalesTheWarnings() {
        PresenceProperties p = new PresenceProperties();
        p.setTreatyLimits(Map.of("XK", 90));
        assertThat(p.limitOf("DE")).isEqualTo(183);
        assertThat(p.thresholdsOf("DE")).containsExactly(150, 170, 183);
        assertThat(p.limitOf("XK")).isEqualTo(90);
        assertThat(p.thresholdsOf("XK")).as("150/183 and 170/183 of 90, rounded down").containsExactly(73, 83, 90);
        p.setWarnAt(List.of(120, 200));
        assertThat(p.thresholdsOf("DE")).as("a warning at or above the limit is the limit's").containsExactly(120, 183);
    }
}
