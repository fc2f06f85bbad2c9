package org.relocation.benefits;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.HashSet;
import java.util.Set;

/** Host countries where the benefits provider can enrol employees locally. */
@ConfigurationProperties("relocation.benefits")
public class BenefitsProperties {

    private Set<String> coveredHostCountries = new HashSet<>(Set.of(
            "DE", "NL", "GB", "US", "FR", "IE", "ES", "CH", "SG", "CA", "AU", "JP", "AT", "BE", "SE", "DK", "IT", "PL"));

    public Set<String> getCoveredHostCountries() { return coveredHostCountries; }
    public void setCoveredHostCountries(Set<String> v) { this.coveredHostCountries = v; }

    public boolean covers(String hostCountry) {
        return coveredHostCountries.contains(hostCountry);
    }
}
