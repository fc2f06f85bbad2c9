package org.relocation.immigration;

import java.util.Set;

/**
 * Countries whose citizens move and work freely among each other: the EU/EEA plus Switzerland.
 * An EU/EEA/CH citizen moving to another of these countries needs no visa or work permit.
 */
public final class FreeMovement {

    static final Set<String> MEMBERS = Set.of(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
            "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", // EU 27
            "IS", "LI", "NO", // EEA
            "CH"); // bilateral agreement on free movement

    private FreeMovement() {
    }

    public static boolean permitRequired(String nationality, String hostCountry) {
        if (nationality.equals(hostCountry)) {
            return false;
        }
        return !(MEMBERS.contains(nationality) && MEMBERS.contains(hostCountry));
    }
}
