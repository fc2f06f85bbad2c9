package org.relocation.policy;

import java.util.Locale;
import java.util.Map;

/**
 * The main language of a country (ISO 639-1), reference data for the services policy's inputs (whether the host
 * country's language differs from the home country's, the language of schools and training). Countries not listed
 * fall back to the first language Java's locale data gives the country, then to English.
 */
final class Languages {

    private static final Map<String, String> MAIN = Map.ofEntries(
            Map.entry("DE", "de"), Map.entry("AT", "de"), Map.entry("CH", "de"), Map.entry("NL", "nl"), Map.entry("BE", "nl"),
            Map.entry("FR", "fr"), Map.entry("LU", "fr"), Map.entry("GB", "en"), Map.entry("IE", "en"), Map.entry("US", "en"),
            Map.entry("CA", "en"), Map.entry("AU", "en"), Map.entry("NZ", "en"), Map.entry("SG", "en"), Map.entry("IN", "en"),
            Map.entry("BR", "pt"), Map.entry("PT", "pt"), Map.entry("ES", "es"), Map.entry("MX", "es"), Map.entry("AR", "es"),
            Map.entry("IT", "it"), Map.entry("SE", "sv"), Map.entry("DK", "da"), Map.entry("NO", "no"), Map.entry("FI", "fi"),
            Map.entry("PL", "pl"), Map.entry("CZ", "cs"), Map.entry("JP", "ja"), Map.entry("CN", "zh"), Map.entry("KR", "ko"),
            Map.entry("AE", "ar"), Map.entry("ZA", "en"));

    private Languages() {
    }

    static String of(String country) {
        if (country == null || country.isBlank()) {
            return "en";
        }
        String code = country.trim().toUpperCase(Locale.ROOT);
        String main = MAIN.get(code);
        if (main != null) {
            return main;
        }
        for (Locale l : Locale.getAvailableLocales()) {
            if (code.equals(l.getCountry()) && !l.getLanguage().isEmpty()) {
                return l.getLanguage();
            }
        }
        return "en";
    }
}
